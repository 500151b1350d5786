-- C9: until a customer chooses a language with /language, we follow the language their chat client
-- reports (Telegram's language_code, Discord's locale on interactions); once chosen, it stays.
ALTER TABLE customers ADD COLUMN language_chosen BOOLEAN NOT NULL DEFAULT FALSE;
