package com.careregistry.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.careregistry.telegram.TelegramApiDouble.Call;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Drives the real telegrambots 10.x OkHttp client against {@link TelegramApiDouble}. */
class TelegramApiDoubleTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long GROUP = -1001234567890L;

    private TelegramApiDouble api;
    private OkHttpClient http;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        api = new TelegramApiDouble();
        http = new OkHttpClient();
        client = new OkHttpTelegramClient(http, "123:TEST", new TelegramUrl("http", "127.0.0.1", api.port(), false));
    }

    @AfterEach
    void stop() {
        api.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static InlineKeyboardMarkup keyboard(String text, String data) {
        return InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text(text).callbackData(data).build()))
                .build();
    }

    @Test
    void baseUrlAndGetMe() throws Exception {
        assertThat(api.baseUrl()).isEqualTo("http://127.0.0.1:" + api.port());

        User me = client.execute(new GetMe());

        assertThat(me.getId()).isEqualTo(999L);
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getFirstName()).isEqualTo("CareBot");
        assertThat(me.getUserName()).isEqualTo("care_bot");
        assertThat(api.calls()).extracting(Call::method).containsExactly("getMe");
    }

    @Test
    void sendMessageWithThreadAndInlineKeyboardIsRecordedAndAnswered() throws Exception {
        Message sent = client.execute(SendMessage.builder()
                .chatId(GROUP)
                .messageThreadId(7)
                .text("New ticket #1")
                .replyMarkup(keyboard("Close", "close:1"))
                .build());

        assertThat(sent.getMessageId()).isPositive();
        assertThat(sent.getChatId()).isEqualTo(GROUP);
        assertThat(sent.getChat().isSuperGroupChat()).isTrue();
        assertThat(sent.getMessageThreadId()).isEqualTo(7);
        assertThat(sent.getText()).isEqualTo("New ticket #1");
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("close:1");

        Call call = api.awaitCall("sendMessage", c -> true, WAIT);
        assertThat(call.failed()).isFalse();
        // telegrambots serializes chat_id as a JSON string, message_thread_id as a JSON number,
        // and reply_markup as a nested JSON object (JSON body for non-media methods).
        assertThat(call.params().path("chat_id").isTextual()).isTrue();
        assertThat(call.params().path("chat_id").asText()).isEqualTo(String.valueOf(GROUP));
        assertThat(call.params().path("message_thread_id").isInt()).isTrue();
        assertThat(call.params().path("message_thread_id").asInt()).isEqualTo(7);
        assertThat(call.params().path("text").asText()).isEqualTo("New ticket #1");
        assertThat(call.params().path("reply_markup").isObject()).isTrue();
        assertThat(call.jsonParam("reply_markup").at("/inline_keyboard/0/0/callback_data").asText()).isEqualTo("close:1");
        assertThat(call.jsonParam("reply_markup").at("/inline_keyboard/0/0/text").asText()).isEqualTo("Close");

        Message second = client.execute(SendMessage.builder().chatId(42L).text("hello").build());
        assertThat(second.getMessageId()).isGreaterThan(sent.getMessageId());
        assertThat(second.getChat().isUserChat()).isTrue();
        assertThat(second.getMessageThreadId()).isNull();
        assertThat(api.calls("sendMessage")).hasSize(2);
        assertThat(api.calls("sendmessage")).hasSize(2);
    }

    @Test
    void getUpdatesDeliversEnqueuedUpdatesUntilConfirmedByOffset() throws Exception {
        api.enqueueUpdate(api.privateText(42, "Ann", "de", "/start ref-7"));
        api.enqueueUpdate(api.privateText(42, "Ann", "de", "My order is late"));
        api.enqueueUpdate(api.privatePhoto(42, "Ann", "PHOTO_1", "the box"));
        assertThat(api.lastUpdateId()).isEqualTo(3);

        List<Update> first = client.execute(GetUpdates.builder().offset(0).limit(2).timeout(1).build());

        assertThat(first).extracting(Update::getUpdateId).containsExactly(1, 2);
        Message start = first.get(0).getMessage();
        assertThat(start.getText()).isEqualTo("/start ref-7");
        // Library quirk (telegrambots-meta 10.2): Message.isCommand()/getCommand() read the raw
        // entities whose 'text' is only filled in lazily by getEntities(); Telegram (and this
        // double) do not send entity text, so isCommand() is false until getEntities() was called.
        assertThat(start.isCommand()).isFalse();
        assertThat(start.getEntities()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("bot_command");
            assertThat(e.getOffset()).isZero();
            assertThat(e.getLength()).isEqualTo(6);
            assertThat(e.getText()).isEqualTo("/start");
        });
        assertThat(start.isCommand()).isTrue();
        assertThat(start.getCommand()).isEqualTo("/start");
        assertThat(start.getFrom().getId()).isEqualTo(42L);
        assertThat(start.getFrom().getIsBot()).isFalse();
        assertThat(start.getFrom().getFirstName()).isEqualTo("Ann");
        assertThat(start.getFrom().getLanguageCode()).isEqualTo("de");
        assertThat(start.getChat().getId()).isEqualTo(42L);
        assertThat(start.getChat().isUserChat()).isTrue();
        assertThat(start.getDate()).isPositive();
        assertThat(first.get(1).getMessage().getEntities()).isNullOrEmpty();
        assertThat(first.get(1).getMessage().getMessageId()).isGreaterThan(start.getMessageId());

        // Same offset again: nothing confirmed yet, so redelivered.
        List<Update> again = client.execute(GetUpdates.builder().offset(1).limit(10).timeout(1).build());
        assertThat(again).extracting(Update::getUpdateId).containsExactly(1, 2, 3);
        Message photo = again.get(2).getMessage();
        assertThat(photo.getPhoto()).singleElement().satisfies(p -> assertThat(p.getFileId()).isEqualTo("PHOTO_1"));
        assertThat(photo.getCaption()).isEqualTo("the box");

        // Confirm 1 and 2.
        List<Update> rest = client.execute(GetUpdates.builder().offset(3).limit(10).timeout(1).build());
        assertThat(rest).extracting(Update::getUpdateId).containsExactly(3);
        assertThat(api.pendingUpdates()).isEqualTo(1);

        // Confirm everything: long poll waits (capped at 1 s) and answers an empty list.
        long startedAt = System.nanoTime();
        List<Update> none = client.execute(GetUpdates.builder().offset(4).limit(10).timeout(50).build());
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        assertThat(none).isEmpty();
        assertThat(waitedMillis).isBetween(800L, 3000L);
        assertThat(api.pendingUpdates()).isZero();
        api.awaitUpdatesConfirmed(WAIT);

        // Asking with offset 0 again does not bring them back: they are forgotten.
        assertThat(client.execute(GetUpdates.builder().offset(0).timeout(0).build())).isEmpty();

        List<Call> polls = api.calls("getUpdates");
        assertThat(polls).hasSize(5);
        assertThat(polls.get(0).params().path("offset").asInt()).isZero();
        assertThat(polls.get(0).params().path("limit").asInt()).isEqualTo(2);
        assertThat(polls.get(0).params().path("timeout").asInt()).isEqualTo(1);
    }

    @Test
    void answerAfterHoldsEachAnswerBackButHandlesTheCallOnArrival() throws Exception {
        api.answerAfter(Duration.ofMillis(300));
        java.util.Map<String, Long> recordedAt = new java.util.concurrent.ConcurrentHashMap<>();
        api.onCall(call -> {
            if (call.is("sendMessage")) {
                recordedAt.put(call.param("text"), System.nanoTime());
            }
        });

        CompletableFuture<Long> late = client.executeAsync(SendMessage.builder().chatId(42L).text("late").build())
                .thenApply(message -> System.nanoTime());
        CompletableFuture<Long> too = client.executeAsync(SendMessage.builder().chatId(43L).text("too").build())
                .thenApply(message -> System.nanoTime());

        assertThat(Duration.ofNanos(late.get(5, TimeUnit.SECONDS) - recordedAt.get("late"))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(too.get(5, TimeUnit.SECONDS) - recordedAt.get("too"))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(api.calls("sendMessage")).hasSize(2).allSatisfy(call -> assertThat(call.succeeded()).isTrue());

        api.answerAfter(Duration.ZERO);
        assertThat(client.execute(new GetMe()).getId()).isEqualTo(999L);
    }

    @Test
    void longPollWakesUpWhenAnUpdateArrives() throws Exception {
        CompletableFuture<java.util.ArrayList<Update>> pending =
                client.executeAsync(GetUpdates.builder().offset(0).timeout(50).build());
        api.awaitCall("getUpdates", c -> true, WAIT);
        // the poll is held open while there is nothing to give
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !pending.isDone());
        api.enqueueUpdate(api.privateText(5, "Bob", null, "hi"));

        List<Update> got = pending.get(5, TimeUnit.SECONDS);
        assertThat(got).singleElement().satisfies(u -> assertThat(u.getMessage().getText()).isEqualTo("hi"));
    }

    @Test
    void sendPhotoByFileIdIsMultipartAndRecordedAsPlainFields() throws Exception {
        Message sent = client.execute(SendPhoto.builder()
                .chatId(GROUP)
                .messageThreadId(12)
                .photo(new InputFile("FILE_ID"))
                .caption("customer photo")
                .replyMarkup(keyboard("Open", "open:3"))
                .build());

        assertThat(sent.getPhoto()).singleElement().satisfies(p -> assertThat(p.getFileId()).isEqualTo("FILE_ID"));
        assertThat(sent.getCaption()).isEqualTo("customer photo");
        assertThat(sent.getMessageThreadId()).isEqualTo(12);

        Call call = api.awaitCall("sendPhoto", c -> true, WAIT);
        assertThat(call.params().path("photo").asText()).isEqualTo("FILE_ID");
        assertThat(call.params().path("caption").asText()).isEqualTo("customer photo");
        assertThat(call.params().path("chat_id").asText()).isEqualTo(String.valueOf(GROUP));
        // multipart: every field is a string, including the thread id and the JSON reply_markup
        assertThat(call.params().path("message_thread_id").isTextual()).isTrue();
        assertThat(call.params().path("message_thread_id").asInt()).isEqualTo(12);
        assertThat(call.params().path("reply_markup").isTextual()).isTrue();
        assertThat(call.jsonParam("reply_markup").at("/inline_keyboard/0/0/callback_data").asText()).isEqualTo("open:3");
        assertThat(call.param("reply_markup")).contains("open:3");
    }

    @Test
    void uploadedFilesAndOtherMediaMethods() throws Exception {
        byte[] bytes = "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);
        Message doc = client.execute(SendDocument.builder()
                .chatId(42L)
                .document(new InputFile(new ByteArrayInputStream(bytes), "invoice.pdf"))
                .caption("your invoice")
                .build());
        assertThat(doc.getDocument().getFileId()).startsWith("UPLOADED-");
        assertThat(doc.getCaption()).isEqualTo("your invoice");

        Call upload = api.awaitCall("sendDocument", c -> true, WAIT);
        assertThat(upload.params().path("document").asText()).isEqualTo("attach://invoice.pdf");
        assertThat(upload.params().path("invoice.pdf").path("filename").asText()).isEqualTo("invoice.pdf");
        assertThat(upload.params().path("invoice.pdf").path("size").asInt()).isEqualTo(bytes.length);

        Message voice = client.execute(SendVoice.builder().chatId(42L).voice(new InputFile("VOICE_ID")).build());
        assertThat(voice.getVoice().getFileId()).isEqualTo("VOICE_ID");
        assertThat(api.awaitCall("sendVoice", c -> true, WAIT).param("voice")).isEqualTo("VOICE_ID");

        MessageId copy = client.execute(CopyMessage.builder()
                .chatId(GROUP).messageThreadId(12).fromChatId(42L).messageId(doc.getMessageId()).build());
        assertThat(copy.getMessageId()).isGreaterThan(doc.getMessageId().longValue());
        Call copyCall = api.awaitCall("copyMessage", c -> true, WAIT);
        assertThat(copyCall.params().path("from_chat_id").asText()).isEqualTo("42");
        assertThat(copyCall.params().path("message_id").asInt()).isEqualTo(doc.getMessageId());

        Serializable edited = client.execute(EditMessageText.builder()
                .chatId(42L).messageId(voice.getMessageId()).text("edited").build());
        assertThat(edited).isInstanceOfSatisfying(Message.class, m -> {
            assertThat(m.getMessageId()).isEqualTo(voice.getMessageId());
            assertThat(m.getText()).isEqualTo("edited");
            assertThat(m.getEditDate()).isNotNull();
        });

        assertThat(client.execute(DeleteMessage.builder().chatId(42L).messageId(voice.getMessageId()).build())).isTrue();
    }

    @Test
    void createForumTopicReturnsIncreasingThreadIds() throws Exception {
        ForumTopic topic = client.execute(CreateForumTopic.builder().chatId(GROUP).name("#1 Ann").build());
        ForumTopic next = client.execute(CreateForumTopic.builder().chatId(GROUP).name("#2 Bob").build());

        assertThat(topic.getMessageThreadId()).isEqualTo(100);
        assertThat(topic.getName()).isEqualTo("#1 Ann");
        assertThat(topic.getIconColor()).isEqualTo(7322096);
        assertThat(next.getMessageThreadId()).isEqualTo(101);
        assertThat(api.calls("createForumTopic")).extracting(c -> c.param("name")).containsExactly("#1 Ann", "#2 Bob");
    }

    @Test
    void rateLimitedCallThrowsWithRetryAfterThenNextSucceeds() throws Exception {
        api.rateLimitNext("sendMessage", 3);
        SendMessage message = SendMessage.builder().chatId(42L).text("reply").build();

        assertThatThrownBy(() -> client.execute(message))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(3);
                    assertThat(e.getApiResponse()).contains("Too Many Requests: retry after 3");
                });

        Message ok = client.execute(message);
        assertThat(ok.getText()).isEqualTo("reply");
        assertThat(api.calls("sendMessage")).extracting(Call::failed).containsExactly(true, false);
        assertThat(api.awaitCall("sendMessage", Call::succeeded, WAIT).param("text")).isEqualTo("reply");
    }

    @Test
    void failNextRepeatsTheInjectedErrorTimesThenRecovers() throws Exception {
        api.failNext("sendPhoto", 2, 502, "Bad Gateway", null);
        SendPhoto photo = SendPhoto.builder().chatId(42L).photo(new InputFile("P")).build();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.execute(photo))
                    .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(502);
                        assertThat(e.getParameters()).isNull();
                    });
        }
        assertThat(client.execute(photo).getPhoto()).isNotEmpty();
        assertThat(api.awaitCalls("sendPhoto", 3, WAIT)).extracting(Call::failed).containsExactly(true, true, false);
    }

    @Test
    void goneThreadAnswersBadRequestForSendsIntoThatThread() throws Exception {
        api.threadGone(GROUP, 55);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(55).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).contains("message thread not found");
                });
        assertThatThrownBy(() -> client.execute(SendPhoto.builder()
                .chatId(GROUP).messageThreadId(55).photo(new InputFile("P")).build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(400));

        assertThat(client.execute(SendMessage.builder().chatId(GROUP).messageThreadId(56).text("y").build())
                .getMessageThreadId()).isEqualTo(56);
        assertThat(client.execute(SendMessage.builder().chatId(GROUP).text("general").build())).isNotNull();
        assertThat(api.calls("sendMessage")).extracting(Call::failed).containsExactly(true, false, false);
    }

    @Test
    void callbackUpdateDeserializesAndCanBeAnswered() throws Exception {
        api.enqueueUpdate(api.callback(42, "Ann", 42, 17, "rate:5"));

        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(1).build());

        assertThat(updates).singleElement().satisfies(u -> {
            assertThat(u.hasCallbackQuery()).isTrue();
            assertThat(u.getCallbackQuery().getData()).isEqualTo("rate:5");
            assertThat(u.getCallbackQuery().getFrom().getId()).isEqualTo(42L);
            assertThat(u.getCallbackQuery().getMessage()).isInstanceOf(Message.class);
            assertThat(u.getCallbackQuery().getMessage().getMessageId()).isEqualTo(17);
            assertThat(u.getCallbackQuery().getMessage().getChatId()).isEqualTo(42L);
        });
        String id = updates.get(0).getCallbackQuery().getId();
        assertThat(client.execute(AnswerCallbackQuery.builder().callbackQueryId(id).text("Thanks").build())).isTrue();
        assertThat(api.awaitCall("answerCallbackQuery", c -> id.equals(c.param("callback_query_id")), WAIT)
                .param("text")).isEqualTo("Thanks");
    }

    @Test
    void otherUpdateHelpersDeserialize() throws Exception {
        String topicText = api.groupTopicText(GROUP, 100, 7, "Staff", "We are on it");
        api.enqueueUpdate(topicText);
        api.enqueueUpdate(api.editedPrivateText(42, "Ann", 3, "fixed typo"));
        api.enqueueUpdate(api.privateReply(42, "Ann", "yes please", 9, "Shall we refund?"));
        api.enqueueUpdate(api.privateDocument(42, "Ann", "DOC_1", "scan.pdf", null));
        api.enqueueUpdate(api.withUpdateId(topicText, 77));

        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(1).build());

        assertThat(updates).extracting(Update::getUpdateId).containsExactly(1, 2, 3, 4, 77);
        Message topic = updates.get(0).getMessage();
        assertThat(topic.getChat().isSuperGroupChat()).isTrue();
        assertThat(topic.getChat().getIsForum()).isTrue();
        assertThat(topic.getChatId()).isEqualTo(GROUP);
        assertThat(topic.getMessageThreadId()).isEqualTo(100);
        assertThat(topic.isTopicMessage()).isTrue();
        assertThat(topic.getFrom().getId()).isEqualTo(7L);
        assertThat(topic.getText()).isEqualTo("We are on it");
        assertThat(topic.getReplyToMessage().getForumTopicCreated()).isNotNull();
        assertThat(updates.get(4).getMessage().getMessageId()).isEqualTo(topic.getMessageId());

        assertThat(updates.get(1).hasEditedMessage()).isTrue();
        assertThat(updates.get(1).getEditedMessage().getMessageId()).isEqualTo(3);
        assertThat(updates.get(1).getEditedMessage().getText()).isEqualTo("fixed typo");
        assertThat(updates.get(1).getEditedMessage().getEditDate()).isNotNull();

        Message reply = updates.get(2).getMessage();
        assertThat(reply.getReplyToMessage().getMessageId()).isEqualTo(9);
        assertThat(reply.getReplyToMessage().getFrom().getIsBot()).isTrue();
        assertThat(reply.getReplyToMessage().getText()).isEqualTo("Shall we refund?");

        assertThat(updates.get(3).getMessage().getDocument().getFileId()).isEqualTo("DOC_1");
        assertThat(updates.get(3).getMessage().getDocument().getFileName()).isEqualTo("scan.pdf");

        assertThat(api.lastUpdateId()).isEqualTo(77);
        String fresh = api.withNewUpdateId(topicText);
        assertThat(fresh).contains("\"update_id\":78");
    }

    @Test
    void unknownMethodAnswers404AndAwaitCallReportsWhatItSaw() throws Exception {
        okhttp3.Response response = http.newCall(new okhttp3.Request.Builder()
                .url(api.baseUrl() + "/bot123:TEST/noSuchMethod")
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json")))
                .build()).execute();
        try (response) {
            assertThat(response.code()).isEqualTo(404);
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body().string());
            assertThat(body.path("ok").asBoolean(true)).isFalse();
            assertThat(body.path("error_code").asInt()).isEqualTo(404);
            assertThat(body.path("description").asText()).isEqualTo("Not Found: method not found");
        }

        okhttp3.Response form = http.newCall(new okhttp3.Request.Builder()
                .url(api.baseUrl() + "/bot123:TEST/sendMessage")
                .post(new okhttp3.FormBody.Builder().add("chat_id", "42").add("text", "a b&c").build())
                .build()).execute();
        try (form) {
            assertThat(form.code()).isEqualTo(200);
        }
        assertThat(api.awaitCall("sendMessage", c -> true, WAIT).param("text")).isEqualTo("a b&c");

        assertThatThrownBy(() -> api.awaitCall("sendPhoto", c -> true, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("noSuchMethod [FAILED]")
                .hasMessageContaining("sendMessage {");

        api.clearCalls();
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void awaitCallBlocksUntilAMatchingCallArrives() throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                client.execute(SendMessage.builder().chatId(1L).text("first").build());
                client.execute(SendMessage.builder().chatId(2L).text("second").build());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));   // the calls come after the wait began

        Call call = api.awaitCall("sendMessage", c -> "2".equals(c.param("chat_id")), WAIT);
        assertThat(call.param("text")).isEqualTo("second");
        assertThat(api.awaitCalls("sendMessage", 2, WAIT)).extracting(c -> c.param("text"))
                .containsExactly("first", "second");
    }
}
