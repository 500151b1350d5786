package com.careregistry.core.outbox;

import com.careregistry.core.common.Attachment;
import java.util.ArrayList;
import java.util.List;

/** Files of an outbox row, kept in one column: a line each, {@code kind<TAB>file ref<TAB>file name}. */
final class AttachmentCodec {

    private AttachmentCodec() {
    }

    static String encode(List<Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Attachment a : attachments) {
            out.append(clean(a.kind())).append('\t').append(clean(a.fileRef())).append('\t')
                    .append(a.fileName() == null ? "" : clean(a.fileName())).append('\n');
        }
        return out.toString();
    }

    static List<Attachment> decode(String encoded) {
        List<Attachment> attachments = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return attachments;
        }
        for (String line : encoded.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 3) {
                attachments.add(new Attachment(fields[0], fields[1], fields[2].isEmpty() ? null : fields[2]));
            }
        }
        return attachments;
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }
}
