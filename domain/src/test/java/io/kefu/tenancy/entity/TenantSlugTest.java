package io.kefu.tenancy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"huijing-property", "riverside-mall", "abc", "a1b2", "x-9"})
    void acceptsLowerCaseSlugsWithInnerHyphens(String slug) {
        assertEquals(slug, new TenantSlug(slug).value());
        assertTrue(TenantSlug.parse(slug).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "-abc", "abc-", "ABC", "a b c", "a--b", "汇景物业", "../etc", "a_b_c",
            "abcdefghijabcdefghijabcdefghijabcdefghijx"})
    void refusesAnythingElseAsInvalidInput(String slug) {
        KefuException e = assertThrows(KefuException.class, () -> new TenantSlug(slug));
        assertEquals(Failure.INVALID, e.failure());
        assertEquals("slug", e.field());
        assertTrue(TenantSlug.parse(slug).isEmpty(), "a URL with a bad slug is simply not found");
    }
}
