package com.careregistry.core.files;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.outbox.DeliveryFailure;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bytes of an attachment, for a sender that uploads files rather than passing references:
 * read by the platform that holds it (a {@link ChatFiles}: Telegram by its file ids, Discord from
 * its CDN addresses). A reference no connected platform claims is not read at all, so no address
 * from elsewhere is ever fetched.
 */
@Component
public class AttachmentFiles {

    /** What came of reading: the bytes, or why there are none (the sender says so instead of the file). */
    public record FileRead(byte[] bytes, String problem) {

        static FileRead of(byte[] bytes) {
            return new FileRead(bytes, null);
        }

        static FileRead missing(String problem) {
            return new FileRead(null, problem);
        }

        public boolean found() {
            return bytes != null;
        }
    }

    public static final String TOO_LARGE = "too-large";
    public static final String GONE = "gone";

    private final List<ChatFiles> platforms;

    public AttachmentFiles(List<ChatFiles> platforms) {
        this.platforms = List.copyOf(platforms);
    }

    /**
     * Reads the attachment if it is at most {@code maxBytes} long.
     *
     * @throws DeliveryFailure (transient) when the file's holder cannot be reached now
     */
    public FileRead read(Attachment attachment, long maxBytes) throws DeliveryFailure {
        String ref = attachment.fileRef();
        try {
            for (ChatFiles platform : platforms) {
                if (platform.holds(ref)) {
                    return platform.read(ref, maxBytes).map(FileRead::of).orElse(FileRead.missing(TOO_LARGE));
                }
            }
            return FileRead.missing(GONE);   // its platform is not connected here (its adapter is off)
        } catch (FileGoneException e) {
            return FileRead.missing(GONE);
        } catch (IOException e) {
            throw DeliveryFailure.transientFailure("could not read attachment " + attachment.fileName() + ": " + e.getMessage(), e);
        }
    }
}
