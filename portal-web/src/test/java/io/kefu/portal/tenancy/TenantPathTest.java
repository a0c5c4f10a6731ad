package io.kefu.portal.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantPathTest {

    @Test
    void pathsOutsideTenantsAreNotTenantPaths() {
        assertTrue(TenantPath.parse("/").isEmpty());
        assertTrue(TenantPath.parse("/platform/").isEmpty());
        assertTrue(TenantPath.parse("/api/v1/platform/tenants").isEmpty());
        assertTrue(TenantPath.parse("/tenant/index.xhtml").isEmpty());
    }

    @Test
    void splitsPagesAndApiIntoSlugAndRest() {
        TenantPath page = TenantPath.parse("/t/huijing-property/staff/").orElseThrow();
        assertEquals(TenantPath.Kind.PAGE, page.kind());
        assertEquals("huijing-property", page.slug().value());
        assertEquals(TenantPath.Area.STAFF, page.area());

        TenantPath api = TenantPath.parse("/api/v1/tenants/riverside-mall/departments/engineering").orElseThrow();
        assertEquals(TenantPath.Kind.API, api.kind());
        assertEquals("riverside-mall", api.slug().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t/Huijing/", "/t/a/", "/t/%2e%2e/", "/t/x--y/", "/api/v1/tenants/UPPER/departments"})
    void malformedSlugsAreTenantPathsWithoutATenant(String path) {
        assertFalse(TenantPath.parse(path).orElseThrow().hasValidSlug());
    }

    @Test
    void theLandingPageIsCanonicalWithATrailingSlash() {
        assertTrue(TenantPath.parse("/t/huijing-property").orElseThrow().needsTrailingSlash());
        assertFalse(TenantPath.parse("/t/huijing-property/").orElseThrow().needsTrailingSlash());
    }

    @ParameterizedTest
    @CsvSource({
        "/t/abc/,                /tenant/index.xhtml,       PUBLIC",
        "/t/abc/staff/,          /tenant/staff/index.xhtml, STAFF",
        "/t/abc/staff,           /tenant/staff.xhtml,       STAFF",
        "/t/abc/staff/inbox,     /tenant/staff/inbox.xhtml, STAFF",
        "/t/abc/admin/,          /tenant/admin/index.xhtml, ADMIN",
        "/t/abc/staffroom/,      /tenant/staffroom/index.xhtml, UNKNOWN",
        "/t/abc/reports/,        /tenant/reports/index.xhtml, UNKNOWN",
        "/t/abc/login/x,         /tenant/login/x.xhtml,     UNKNOWN",
        "/t/abc/login,           /login.xhtml,              PUBLIC",
        "/t/abc/invitation,      /tenant/invitation.xhtml,  PUBLIC",
        "/t/abc/invitation/x,    /tenant/invitation/x.xhtml, UNKNOWN",
        "/t/abc/admin/people,    /tenant/admin/people.xhtml, ADMIN",
        "/t/abc/complaints/new,  /tenant/complaints/new.xhtml, PUBLIC",
        "/t/abc/complaints/,     /tenant/complaints/index.xhtml, PUBLIC",
        "/t/abc/track/abc,       /tenant/track/abc.xhtml,   PUBLIC",
        "/t/abc/my/cases,        /tenant/my/cases.xhtml,    RESIDENT",
        "/t/abc/admin/office,    /tenant/admin/office.xhtml, ADMIN"})
    void mapsPagesToViewsAndAreas(String path, String view, TenantPath.Area area) {
        TenantPath parsed = TenantPath.parse(path).orElseThrow();
        assertEquals(Optional.of(view), parsed.view());
        assertEquals(area, parsed.area());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t/abc/../WEB-INF/web", "/t/abc/index.xhtml", "/t/abc/a//b", "/t/abc/STAFF/",
            "/t/abc/staff/x;jsessionid=1"})
    void refusesAnythingThatIsNotAViewName(String path) {
        assertTrue(TenantPath.parse(path).orElseThrow().view().isEmpty(), path);
    }

    @Test
    void signedSurveyLinksArePublicAndCarryTheirToken() {
        String token = "42.1795493687.z4mwVXUJu2AyJL3w5CFC90p4wNzua_XEIBthrdPCJ-0";
        TenantPath survey = TenantPath.parse("/t/abc/survey/" + token).orElseThrow();
        assertEquals(TenantPath.Area.PUBLIC, survey.area());
        assertEquals(Optional.of("/tenant/survey.xhtml"), survey.view());
        assertEquals(Optional.of(token), survey.parameter());
        assertEquals(Optional.empty(), TenantPath.parse("/t/abc/survey/42.x.y").orElseThrow().parameter());
        assertEquals(TenantPath.Area.STAFF, TenantPath.parse("/t/abc/staff/surveys").orElseThrow().area());
        assertEquals(TenantPath.Area.ADMIN, TenantPath.parse("/t/abc/admin/surveys").orElseThrow().area());
    }

    @Test
    void trackingLinksAndCasePagesCarryTheirTokenOrNumber() {
        String token = "z4mwVXUJu2AyJL3w5CFC90p4wNzua_XEIBthrdPCJ-0";
        TenantPath track = TenantPath.parse("/t/abc/track/" + token).orElseThrow();
        assertEquals(Optional.of("/tenant/track.xhtml"), track.view());
        assertEquals(Optional.of(token), track.parameter());
        assertEquals(TenantPath.Area.PUBLIC, track.area());

        TenantPath casePage = TenantPath.parse("/t/abc/staff/cases/202611-0042").orElseThrow();
        assertEquals(Optional.of("/tenant/staff/case.xhtml"), casePage.view());
        assertEquals(Optional.of("202611-0042"), casePage.parameter());
        assertEquals(TenantPath.Area.STAFF, casePage.area(), "a case page is for staff only");

        TenantPath form = TenantPath.parse("/t/abc/staff/cases/202611-0042/form").orElseThrow();
        assertEquals(Optional.of("/tenant/staff/form.xhtml"), form.view());
        assertEquals(Optional.of("202611-0042"), form.parameter());
        assertEquals(TenantPath.Area.STAFF, form.area(), "a printed case is for staff only");
        TenantPath sheet = TenantPath.parse("/t/abc/staff/cases/202611-0042/sheet").orElseThrow();
        assertEquals(Optional.of("/tenant/staff/sheet.xhtml"), sheet.view());
        assertEquals(Optional.of("202611-0042"), sheet.parameter());
        TenantPath blank = TenantPath.parse("/t/abc/staff/form").orElseThrow();
        assertEquals(Optional.of("/tenant/staff/form.xhtml"), blank.view(), "the blank form: the same page");
        assertTrue(blank.parameter().isEmpty());

        TenantPath mine = TenantPath.parse("/t/abc/my/cases/202611-0042").orElseThrow();
        assertEquals(Optional.of("/tenant/track.xhtml"), mine.view());
        assertEquals(Optional.of("202611-0042"), mine.parameter());
        assertEquals(TenantPath.Area.RESIDENT, mine.area(), "by number only for the signed-in resident");

        String key = "Qm3kLw9_xT2pV-7aZc1uEg";
        TenantPath callback = TenantPath.parse("/t/abc/staff/callbacks/" + key).orElseThrow();
        assertEquals(Optional.of("/tenant/staff/callback.xhtml"), callback.view());
        assertEquals(Optional.of(key), callback.parameter());
        assertTrue(TenantPath.parse("/t/abc/staff/callbacks/17").orElseThrow().parameter().isEmpty(),
                "a callback's database id is no address");

        assertTrue(TenantPath.parse("/t/abc/track/short").orElseThrow().parameter().isEmpty());
        assertTrue(TenantPath.parse("/t/abc/staff/cases/2026-1").orElseThrow().parameter().isEmpty());
        assertTrue(TenantPath.parse("/t/abc/staff/").orElseThrow().parameter().isEmpty());
    }
}
