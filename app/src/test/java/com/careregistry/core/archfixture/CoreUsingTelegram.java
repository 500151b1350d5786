package com.careregistry.core.archfixture;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Breaks the core rule on purpose (test code only): a core class reading a Telegram update. */
public class CoreUsingTelegram {

    public Long id(Update update) {
        return update.getMessage().getChatId();
    }
}
