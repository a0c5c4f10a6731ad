package io.kefu.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages, always: the bundles have the same keys, and every key the code and pages use exists. */
class MessageBundlesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([a-zA-Z0-9_.-]+)'\\]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:[a-z]+\\.)+[a-zA-Z]+(?:\\.[a-zA-Z0-9]+)*)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = keys("messages_zh_CN.properties");
        Set<String> en = keys("messages_en.properties");
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "missing in messages_en");
        assertEquals(Set.of(), onlyEn, "missing in messages_zh_CN");
    }

    /** Two features picking the same key: the later line silently wins and the first feature says the wrong thing. */
    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String bundle : new String[] {"messages_zh_CN.properties", "messages_en.properties"}) {
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    Object earlier = super.put(key, value);
                    assertEquals(null, earlier, bundle + " defines " + key + " twice");
                    return earlier;
                }
            };
            try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(bundle)) {
                counting.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void everyKeyUsedOnAPageExists() throws IOException {
        Set<String> known = keys("messages_zh_CN.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("/target/")).forEach(p -> {
                Matcher m = PAGE_KEY.matcher(read(p));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(p.getFileName() + ": " + m.group(1));
                    }
                }
            });
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyMessageKeyThrownByTheCodeExists() throws IOException {
        Set<String> known = keys("messages_zh_CN.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
                    .forEach(p -> {
                        String source = read(p);
                        for (String call : new String[] {"KefuException.invalid(", "KefuException.notFound(",
                                "KefuException.conflict(", "new KefuException(", "Problem.of(", "FacesFailures.info(",
                                "REASON, \""}) {
                            int at = source.indexOf(call);
                            while (at >= 0) {
                                Matcher m = JAVA_KEY.matcher(source.substring(at, Math.min(source.length(), at + 160)));
                                while (m.find()) {
                                    if (!known.contains(m.group(1)) && m.group(1).contains(".")
                                            && !m.group(1).startsWith("problem.title.")) {
                                        missing.add(p.getFileName() + ": " + m.group(1));
                                    }
                                }
                                at = source.indexOf(call, at + 1);
                            }
                        }
                    });
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void chineseIsTheDefault() {
        assertEquals("zh-CN", Languages.tag(Languages.DEFAULT));
        assertTrue(Messages.get(Languages.DEFAULT, "login.title").equals("登录"));
        assertEquals("Log in", Messages.get(Languages.ENGLISH, "login.title"));
        assertEquals("no.such.key", Messages.get(Languages.ENGLISH, "no.such.key"));
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
