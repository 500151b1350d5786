package com.careregistry.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationsTest extends CoreTest {

    @Autowired
    Conversations conversations;
    @Autowired
    ConversationStates states;

    final ConversationKey ann = new ConversationKey(Channel.TELEGRAM, "chat-1", "user-1");

    @Test
    void stepAndDataAreKeptInTheDatabasePerChatAndUser() {
        conversations.moveTo(ann, "new-ticket:describe", Map.of("category", "7", "note", "a&b=c ü"));

        ConversationState state = conversations.current(ann).orElseThrow();
        assertThat(state.step()).isEqualTo("new-ticket:describe");
        assertThat(state.data()).containsEntry("category", "7").containsEntry("note", "a&b=c ü");
        assertThat(conversations.current(new ConversationKey(Channel.TELEGRAM, "chat-1", "user-2"))).isEmpty();
        assertThat(conversations.current(new ConversationKey(Channel.DISCORD, "chat-1", "user-1"))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT step FROM conversation_states WHERE chat_id = 'chat-1'", String.class))
                .isEqualTo("new-ticket:describe");
    }

    @Test
    void movingOnReplacesTheStepAndFinishingForgetsIt() {
        conversations.moveTo(ann, "email:address", Map.of());
        conversations.moveTo(ann, "email:code", Map.of("email", "ann@example.org"));
        assertThat(conversations.current(ann).orElseThrow().step()).isEqualTo("email:code");
        assertThat(states.count()).isEqualTo(1);

        conversations.finish(ann);
        assertThat(conversations.current(ann)).isEmpty();
    }

    @Test
    void aStepLeftAloneTooLongExpires() {
        conversations.moveTo(ann, "new-ticket:describe", Map.of());
        clock.advance(Duration.ofHours(23));
        assertThat(conversations.current(ann)).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(conversations.current(ann)).isEmpty();
        assertThat(conversations.forgetExpired()).isEqualTo(1);
        assertThat(states.count()).isZero();
    }
}
