package io.kefu.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kefu.media.SampleFiles;
import io.kefu.problem.KefuException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class TenantLogoTest {

    static final byte[] PNG = SampleFiles.png();

    @Test
    void knowsPngJpegAndWebpByTheirBytesAndTheirPicture() {
        assertEquals(TenantLogo.Format.PNG, TenantLogo.check(PNG));
        assertEquals(TenantLogo.Format.JPEG, TenantLogo.check(SampleFiles.jpeg()));
        assertEquals(TenantLogo.Format.WEBP, TenantLogo.check(SampleFiles.webp()));
        assertThrows(KefuException.class, () -> TenantLogo.check(SampleFiles.magicThen(PNG, 8, "not a picture")));
    }

    @Test
    void refusesSvgOtherRiffFilesAndLargeImages() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("workspace.logo.type",
                assertThrows(KefuException.class, () -> TenantLogo.check(svg)).messageKey());
        byte[] wav = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        assertThrows(KefuException.class, () -> TenantLogo.check(wav));
        byte[] big = new byte[TenantLogo.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertEquals("workspace.logo.too.large",
                assertThrows(KefuException.class, () -> TenantLogo.check(big)).messageKey());
    }

    @Test
    void theSameBytesGiveTheSameTag() {
        assertEquals(new TenantLogo(PNG, Clock.systemUTC()).etag(),
                new TenantLogo(PNG.clone(), Clock.systemUTC()).etag());
    }
}
