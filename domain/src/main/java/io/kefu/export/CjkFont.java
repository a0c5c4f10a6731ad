package io.kefu.export;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every PDF is set in: Noto Sans SC Regular (Simplified Chinese with Latin, SIL Open Font License 1.1,
 * TrueType outlines as Google Fonts ships it), which the build takes from the npm package
 * {@code @expo-google-fonts/noto-sans-sc} and puts into this jar with its licence (see domain/pom.xml). Loaded
 * from the class path, never from the machine's fonts, and embedded as a subset of the glyphs a document uses,
 * so a report reads the same on a server and on a reader's machine without any Chinese font. Characters the
 * font lacks (emoji, some rare ones) are left blank.
 */
final class CjkFont {

    static final String RESOURCE = "/io/kefu/export/fonts/NotoSansSC-Regular.ttf";

    private CjkFont() {
    }

    /** Parsed once (10 MB): a BaseFont may serve many documents at once; each keeps its own subset. */
    static BaseFont get() {
        return Holder.FONT;
    }

    private static final class Holder {

        static final BaseFont FONT = load();

        private static BaseFont load() {
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the PDF font " + RESOURCE + " is not in the build");
                }
                return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        false, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
