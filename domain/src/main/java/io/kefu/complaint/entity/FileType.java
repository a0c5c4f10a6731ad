package io.kefu.complaint.entity;

import io.kefu.media.Decoding;
import java.util.Arrays;
import java.util.Optional;

/**
 * The files a case accepts — photos and PDFs — recognised by their first bytes and proven by decoding them
 * ({@link Decoding}). A name ending in ".jpg" proves nothing, and neither do the first bytes alone: a file whose
 * content is none of these is refused whatever it is called or begins with.
 */
public enum FileType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Decoding.Image.JPEG),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, Decoding.Image.PNG),
    WEBP("image/webp", new byte[] {'R', 'I', 'F', 'F'}, Decoding.Image.WEBP),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, null);

    private final String mediaType;
    private final byte[] magic;
    private final Decoding.Image image;

    FileType(String mediaType, byte[] magic, Decoding.Image image) {
        this.mediaType = mediaType;
        this.magic = magic;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether a stored file of this type is a checked picture, which a browser may show in place. */
    public static boolean isImage(String mediaType) {
        return Arrays.stream(values()).anyMatch(t -> t.image != null && t.mediaType.equals(mediaType));
    }

    /** The type the content really is, or empty when it is none of the accepted ones. */
    public static Optional<FileType> of(byte[] content) {
        for (FileType type : values()) {
            if (type.matches(content)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] content) {
        if (content == null || content.length < magic.length
                || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
            return false;
        }
        // RIFF is a container for many formats; WebP says so at bytes 8..11.
        if (this == WEBP && !(content.length >= 12 && content[8] == 'W' && content[9] == 'E'
                && content[10] == 'B' && content[11] == 'P')) {
            return false;
        }
        return image == null ? Decoding.isPdf(content) : Decoding.isImage(content, image);
    }
}
