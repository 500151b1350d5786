package com.careregistry.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The two calls every relayed message makes: its copy's {@code sendMessage} (plain text, no buttons) and its
 * receipt's {@code setMessageReaction}, made on the sending client's own connections, with the request built
 * as a JSON tree and only the fields we use read from the answer. Through telegrambots' client the same
 * calls spent a third of the senders' time in its generic work (the URL parsed again for each call, the
 * method serialized by reflection, the whole {@code Message} of the answer bound to objects): JFR, at 500
 * messages a second. A refusal comes as the client's own {@link TelegramApiRequestException} (error code,
 * description, the wait asked for), and a failure to reach Telegram as a {@link TelegramApiException}, so
 * the sender treats both exactly as it treats the client's; every other call still goes through the client.
 */
final class TelegramCalls {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl sendMessage;
    private final HttpUrl setMessageReaction;

    TelegramCalls(OkHttpClient http, String baseUrl, String botToken) {
        this.http = http;
        HttpUrl bot = HttpUrl.get(baseUrl + "/bot" + botToken + "/");
        this.sendMessage = bot.resolve("sendMessage");
        this.setMessageReaction = bot.resolve("setMessageReaction");
    }

    /** Sends an HTML text to the chat (in the topic, when given); returns the id Telegram gave the message. */
    int sendHtml(String chatId, Integer thread, String html) throws TelegramApiException {
        ObjectNode body = TelegramUpdates.JSON.createObjectNode().put("chat_id", chatId);
        if (thread != null) {
            body.put("message_thread_id", thread);
        }
        body.put("text", html).put("parse_mode", "HTML");
        return call(sendMessage, "sendMessage", body);
    }

    /** Sets the bot's reaction on a message: this emoji, replacing any it had. */
    void react(String chatId, int messageId, String emoji) throws TelegramApiException {
        ObjectNode body = TelegramUpdates.JSON.createObjectNode().put("chat_id", chatId).put("message_id", messageId);
        body.putArray("reaction").addObject().put("type", "emoji").put("emoji", emoji);
        call(setMessageReaction, "setMessageReaction", body);
    }

    private int call(HttpUrl url, String method, ObjectNode body) throws TelegramApiException {
        Request request;
        try {
            request = new Request.Builder().url(url).post(RequestBody.create(TelegramUpdates.JSON.writeValueAsBytes(body), JSON)).build();
        } catch (IOException e) {
            throw new TelegramApiException("Unable to serialize " + method, e);
        }
        try (Response response = http.newCall(request).execute()) {
            return read(method, response.body().byteStream());
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + method + " method", e);
        }
    }

    /** The answer's {@code result.message_id} (0 when the result is no message); a refusal as the client reports it. */
    private static int read(String method, InputStream answer) throws IOException, TelegramApiRequestException {
        boolean ok = false;
        int messageId = 0;
        Integer errorCode = null;
        String description = null;
        ResponseParameters parameters = null;
        try (JsonParser json = TelegramUpdates.JSON.getFactory().createParser(answer)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a Bot API answer");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "ok" -> ok = value == JsonToken.VALUE_TRUE;
                    case "error_code" -> errorCode = json.getValueAsInt();
                    case "description" -> description = json.getValueAsString();
                    case "result" -> messageId = value == JsonToken.START_OBJECT ? messageIdIn(json) : 0;
                    case "parameters" -> parameters = value == JsonToken.START_OBJECT ? parametersIn(json) : null;
                    default -> json.skipChildren();
                }
            }
        }
        if (!ok) {
            throw new TelegramApiRequestException("Error executing " + method + " query",
                    new ApiResponse<>(false, errorCode, description, parameters, null));
        }
        return messageId;
    }

    private static int messageIdIn(JsonParser json) throws IOException {
        int id = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if ("message_id".equals(field)) {
                id = json.getValueAsInt();
            } else {
                json.skipChildren();
            }
        }
        return id;
    }

    private static ResponseParameters parametersIn(JsonParser json) throws IOException {
        ResponseParameters parameters = new ResponseParameters();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "retry_after" -> parameters.setRetryAfter(json.getValueAsInt());
                case "migrate_to_chat_id" -> parameters.setMigrateToChatId(json.getValueAsLong());
                default -> json.skipChildren();
            }
        }
        return parameters;
    }
}
