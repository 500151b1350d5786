package com.careregistry.discord;

import com.careregistry.core.files.ChatFiles;
import com.careregistry.core.files.FileGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Discord keeps attachments at CDN addresses: this reads them when another platform's sender (or
 * Discord's own, to upload a copy into a thread) needs the bytes. Only Discord's own hosts (and
 * the host of {@code DISCORD_API_URL}, where a test's double serves them) are fetched, so an
 * address from anywhere else is never read by the service.
 */
class DiscordFiles implements ChatFiles {

    static final Set<String> CDN_HOSTS = Set.of("cdn.discordapp.com", "media.discordapp.net");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Set<String> hosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DiscordFiles(DiscordSettings settings) {
        Set<String> allowed = new HashSet<>(CDN_HOSTS);
        if (settings.apiUrl().getHost() != null) {
            allowed.add(settings.apiUrl().getHost().toLowerCase(Locale.ROOT));
        }
        this.hosts = Set.copyOf(allowed);
    }

    @Override
    public boolean holds(String fileRef) {
        if (fileRef == null || !(fileRef.startsWith("https://") || fileRef.startsWith("http://"))) {
            return false;
        }
        try {
            String host = URI.create(fileRef).getHost();
            return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Optional<byte[]> read(String fileRef, long maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileRef)).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + fileRef, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 || status == 403 || status == 410) {
                throw new FileGoneException("Discord answered " + status + " for the attachment");
            }
            if (status >= 300) {
                throw new IOException("Discord answered HTTP " + status + " for the attachment");
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
                return Optional.empty();
            }
            return ChatFiles.readAtMost(body, maxBytes);
        }
    }
}
