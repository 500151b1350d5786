package com.careregistry.web.tickets;

import org.springframework.http.MediaType;

/**
 * Which image a file is, told by its first bytes rather than by its name or by what the platform
 * says (both come from whoever sent it): only these few kinds are shown as pictures in the panel;
 * anything else (an SVG, which can hold script, included) is offered as a download.
 */
final class FileTypes {

    private FileTypes() {
    }

    /** The image type of these bytes: PNG, JPEG, GIF or WebP; null for anything else. */
    static MediaType imageType(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaType.IMAGE_PNG;
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return MediaType.IMAGE_JPEG;
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return MediaType.IMAGE_GIF;
        }
        if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return MediaType.parseMediaType("image/webp");
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
