package com.careregistry.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.common.Channel;
import com.careregistry.core.common.ChatUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C1, C2, C9: the first message registers; the chat identity signs in; the language is theirs. */
class CustomerDirectoryTest extends CoreTest {

    @Autowired
    Customers all;

    @Test
    void firstMessageRegistersAndLaterOnesFindTheSameCustomer() {
        Customer first = customers.register(new ChatUser(Channel.TELEGRAM, "42", "42", "Ann Lee", "en-GB"));
        Customer again = customers.register(new ChatUser(Channel.TELEGRAM, "42", "42", "Ann renamed", "de"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.displayName()).isEqualTo("Ann Lee");
        assertThat(first.language()).isEqualTo("en");
        assertThat(all.count()).isEqualTo(1);
        assertThat(customers.find(Channel.TELEGRAM, "42")).map(Customer::id).contains(first.id());
    }

    @Test
    void sameUserIdOnAnotherPlatformIsSomeoneElse() {
        Customer telegram = customers.register(new ChatUser(Channel.TELEGRAM, "42", "42", "Ann", "en"));
        Customer discord = customers.register(new ChatUser(Channel.DISCORD, "42", "dm-9", "Bob", "en"));
        assertThat(discord.id()).isNotEqualTo(telegram.id());
        assertThat(customers.chatOf(discord.id(), Channel.DISCORD)).map(a -> a.chatId()).contains("dm-9");
    }

    @Test
    void customerChoosesTheLanguageOfOurTexts() {
        Customer ann = customers.register(new ChatUser(Channel.TELEGRAM, "42", "42", "Ann", null));
        assertThat(ann.language()).isEqualTo("en");
        assertThat(customers.changeLanguage(ann.id(), "pt-BR").language()).isEqualTo("pt");
    }

    @Test
    void theLanguageFollowsTheClientUntilTheCustomerChoosesOne() {
        Customer ann = customers.register(new ChatUser(Channel.DISCORD, "77", "77", "Ann", null));
        assertThat(ann.language()).isEqualTo("en");
        assertThat(customers.register(new ChatUser(Channel.DISCORD, "77", "77", "Ann", null)).language())
                .as("a direct message reports no locale: the language stays").isEqualTo("en");
        assertThat(customers.register(new ChatUser(Channel.DISCORD, "77", "77", "Ann", "es-ES")).language())
                .as("an interaction reports the Discord locale").isEqualTo("es");

        customers.changeLanguage(ann.id(), "de");
        assertThat(customers.register(new ChatUser(Channel.DISCORD, "77", "77", "Ann", "es-ES")).language())
                .as("chosen with /language: the client no longer decides").isEqualTo("de");
        assertThat(customers.get(ann.id()).language()).isEqualTo("de");
    }
}
