package io.kefu.workspace.entity;

import io.kefu.media.Decoding;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tenant's logo, shown in the header of its pages and served from a public, cacheable address. Only
 * raster images recognised by their first bytes (PNG, JPEG, WebP): SVG can carry script, and a name or a
 * declared type proves nothing. Kept in the database so every node serves the same bytes.
 */
@Entity
@Table(name = "tenant_logo")
@NamedQuery(name = TenantLogo.OF_TENANT, query = "SELECT l FROM TenantLogo l")
@NamedQuery(name = TenantLogo.TAG, query = "SELECT l.etag FROM TenantLogo l")
public class TenantLogo extends TenantOwned {

    public static final String OF_TENANT = "TenantLogo.ofTenant";
    /** Only the tag: what every page needs to link the logo, without loading its bytes. */
    public static final String TAG = "TenantLogo.tag";
    public static final int MAX_BYTES = 512 * 1024;

    /** The image formats a logo may have, by their magic bytes. */
    public enum Format {
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, Decoding.Image.PNG),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Decoding.Image.JPEG),
        WEBP("image/webp", "RIFF".getBytes(StandardCharsets.US_ASCII), Decoding.Image.WEBP);

        private final String mediaType;
        private final byte[] magic;
        private final Decoding.Image image;

        Format(String mediaType, byte[] magic, Decoding.Image image) {
            this.mediaType = mediaType;
            this.magic = magic;
            this.image = image;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<Format> of(byte[] content) {
            return Arrays.stream(values()).filter(f -> f.matches(content)).findFirst();
        }

        private boolean matches(byte[] content) {
            if (content == null || content.length < magic.length
                    || !Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
                return false;
            }
            // RIFF holds many formats (WAV, AVI); WebP says so at bytes 8..11.
            boolean claimed = this != WEBP || (content.length >= 12 && content[8] == 'W' && content[9] == 'E'
                    && content[10] == 'B' && content[11] == 'P');
            // First bytes only claim a format; the logo is shown on every page, so it must really decode.
            return claimed && Decoding.isImage(content, image);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "media_type", nullable = false, length = 32)
    private String mediaType;

    @Column(name = "etag", nullable = false, length = 64)
    private String etag;

    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected TenantLogo() {
        // for JPA
    }

    public TenantLogo(byte[] content, Clock clock) {
        replace(content, clock);
    }

    /** Takes new image bytes after checking size and format. */
    public void replace(byte[] image, Clock clock) {
        Format format = check(image);
        this.content = image.clone();
        this.mediaType = format.mediaType();
        this.etag = digest(image);
        this.uploadedAt = OffsetDateTime.now(clock);
    }

    /** The format of acceptable logo bytes; an input error on {@code logo} otherwise. */
    public static Format check(byte[] image) {
        if (image == null || image.length == 0) {
            throw KefuException.invalid("logo", "field.required");
        }
        if (image.length > MAX_BYTES) {
            throw KefuException.invalid("logo", "workspace.logo.too.large", MAX_BYTES / 1024);
        }
        return Format.of(image).orElseThrow(() -> KefuException.invalid("logo", "workspace.logo.type"));
    }

    private static String digest(byte[] image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String mediaType() {
        return mediaType;
    }

    /** A strong validator of the bytes: the same image gives the same tag on every node. */
    public String etag() {
        return etag;
    }

    public byte[] content() {
        return content.clone();
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }
}
