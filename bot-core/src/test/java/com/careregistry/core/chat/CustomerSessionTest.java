package com.careregistry.core.chat;

import static com.careregistry.core.chat.CustomerSession.Steps.OFFER_NEW;
import static com.careregistry.core.chat.FlowFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message kept in a step's data comes back whole, whatever its files are called. */
class CustomerSessionTest {

    @Test
    void aKeptMessageComesBackWithItsFilesWhateverTheirNames() {
        List<Attachment> files = List.of(new Attachment(Attachment.DOCUMENT, "ref-1", "report\tfinal.pdf"),
                new Attachment(Attachment.PHOTO, "ref-2", null));
        ChatInput written = ChatInput.of(Channel.TELEGRAM, "See the report", files, "m-7");

        ChatInput kept = at(OFFER_NEW, CustomerSession.keep(written)).pending();

        assertThat(kept.text()).isEqualTo("See the report");
        assertThat(kept.externalMessageId()).isEqualTo("m-7");
        assertThat(kept.attachments()).isEqualTo(files);
    }

    @Test
    void aMessageKeptByAnEarlierVersionIsStillRead() {
        ChatInput kept = at(OFFER_NEW, Map.of("pending", "1", "text", "Hello", "file0", "PHOTO\tref-9\t")).pending();
        assertThat(kept.attachments()).containsExactly(new Attachment(Attachment.PHOTO, "ref-9", null));
    }
}
