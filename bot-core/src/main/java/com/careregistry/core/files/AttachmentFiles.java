package com.careregistry.core.files;

import com.careregistry.core.outbox.DeliveryFailure;
import com.careregistry.core.ticket.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The bytes of a customer's attachment, for a sender that uploads files rather than passing
 * references: read from its URL (Discord keeps attachments at public CDN addresses) or from the
 * platform that holds it (a {@link ChatFiles}, e.g. Telegram's file ids).
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

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<ChatFiles> platforms;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

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
            if (ref.startsWith("https://") || ref.startsWith("http://")) {
                return fromUrl(ref, maxBytes);
            }
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("interrupted while reading an attachment", e);
        }
    }

    private FileRead fromUrl(String url, long maxBytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 || status == 403 || status == 410) {
                return FileRead.missing(GONE);
            }
            if (status >= 400) {
                throw new IOException("HTTP " + status + " from the file's address");
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
                return FileRead.missing(TOO_LARGE);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return bytes.length > maxBytes ? FileRead.missing(TOO_LARGE) : FileRead.of(bytes);
        }
    }
}
