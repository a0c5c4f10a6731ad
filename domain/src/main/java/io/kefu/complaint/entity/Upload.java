package io.kefu.complaint.entity;

import io.kefu.problem.KefuException;
import java.util.List;
import java.util.Objects;

/**
 * A file as it arrived with a filing, before it is checked. {@link #check} applies the intake's limits —
 * how many files, how large each and all together, and that each really is a photo or PDF — and names the
 * offending file in the error.
 */
public record Upload(String name, byte[] content) {

    public static final int MAX_FILES = 5;
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_REQUEST_BYTES = 25 * 1024 * 1024;

    public Upload {
        Objects.requireNonNull(content);
    }

    /** The file's type from its content; refuses the whole list when one file breaks a limit. */
    public static List<FileType> check(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw KefuException.invalid("files", "attachment.too.many", MAX_FILES);
        }
        long total = 0;
        for (Upload upload : uploads) {
            total += upload.content().length;
            if (upload.content().length == 0) {
                throw KefuException.invalid("files", "attachment.empty", upload.safeName());
            }
            if (upload.content().length > MAX_FILE_BYTES) {
                throw KefuException.invalid("files", "attachment.too.large", upload.safeName(),
                        MAX_FILE_BYTES / (1024 * 1024));
            }
        }
        if (total > MAX_REQUEST_BYTES) {
            throw KefuException.invalid("files", "attachment.request.too.large", MAX_REQUEST_BYTES / (1024 * 1024));
        }
        return uploads.stream().map(upload -> FileType.of(upload.content()).orElseThrow(
                () -> KefuException.invalid("files", "attachment.type.refused", upload.safeName()))).toList();
    }

    /** The name without any path, control characters or excess length; "file" when nothing is left. */
    public String safeName() {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (base.length() > Attachment.NAME_MAXLENGTH) {
            base = base.substring(base.length() - Attachment.NAME_MAXLENGTH);
        }
        return base.isEmpty() ? "file" : base;
    }
}
