package com.careregistry.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.chat.CustomerCommand.Name;
import com.careregistry.core.common.Attachment;
import com.careregistry.core.common.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of a typed command, which every platform's text goes through. */
class CustomerCommandTest {

    @Test
    void aTypedCommandIsItsNameAndTheRestOfTheLine() {
        assertThat(CustomerCommand.parse("/ticket #1042")).contains(new CustomerCommand(Name.TICKET, "#1042"));
        assertThat(CustomerCommand.parse("/Ticket@CareRegistryBot   1042  ")).contains(new CustomerCommand(Name.TICKET, "1042"));
        assertThat(CustomerCommand.parse("/agent I work nights\nand weekends"))
                .contains(new CustomerCommand(Name.AGENT, "I work nights\nand weekends"));
        assertThat(CustomerCommand.parse("/agent")).contains(CustomerCommand.of(Name.AGENT));
        assertThat(CustomerCommand.parse("/tickets")).contains(CustomerCommand.of(Name.TICKETS));
    }

    @Test
    void anUnknownNameIsUnknownAndOtherTextIsNoCommand() {
        assertThat(CustomerCommand.parse("/refund now")).contains(new CustomerCommand(Name.UNKNOWN, "now"));
        assertThat(CustomerCommand.parse("/unknown")).contains(CustomerCommand.of(Name.UNKNOWN));
        assertThat(CustomerCommand.parse("my screen is broken /help")).isEmpty();
        assertThat(CustomerCommand.parse(null)).isEmpty();
    }

    @Test
    void aMessageWithFilesIsNeverACommandEvenWhenItsCaptionLooksLikeOne() {
        Attachment photo = new Attachment("photo", "file-1", null);
        assertThat(ChatInput.of(Channel.TELEGRAM, "/close", List.of(photo), "m1").isCommand()).isFalse();
        assertThat(ChatInput.of(Channel.TELEGRAM, "/close", List.of(), "m1").command()).isEqualTo(CustomerCommand.of(Name.CLOSE));
    }
}
