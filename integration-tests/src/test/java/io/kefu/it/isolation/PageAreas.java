package io.kefu.it.isolation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Every page of the portal, found as the views the real war contains (its own and those of the jars inside it),
 * each with the address people open it at and who may: a view this table does not know fails the matrix, so a
 * new page cannot skip it.
 */
final class PageAreas {

    /** Who may open a page at all. */
    enum Area {
        /** Anybody (landing, intake, login, invitation, error pages). */
        PUBLIC,
        /** Anybody holding the secret in its address (tracking, survey and campaign links). */
        CAPABILITY,
        /** The tenant's residents. */
        RESIDENT,
        /** The tenant's staff and supervisors. */
        STAFF,
        /** The tenant's admins. */
        ADMIN,
        /** The platform operator. */
        PLATFORM,
        /** Anybody, about themselves (the site's home page lists the caller's own workplaces). */
        SELF
    }

    record Page(String view, Area area, Function<Side, List<String>> addresses) {
    }

    private static final Map<String, Page> KNOWN = Map.ofEntries(
            page("index.xhtml", Area.SELF, s -> List.of("/")),
            page("login.xhtml", Area.PUBLIC, s -> List.of(s.page("login"), "/login.xhtml")),
            page("error.xhtml", Area.PUBLIC, s -> List.of("/error.xhtml")),
            page("expired.xhtml", Area.PUBLIC, s -> List.of("/expired.xhtml")),
            page("tenant/index.xhtml", Area.PUBLIC, s -> List.of(s.page(""))),
            page("tenant/complaints/new.xhtml", Area.PUBLIC, s -> List.of(s.page("complaints/new"))),
            page("tenant/invitation.xhtml", Area.CAPABILITY, s -> each(s.secrets().invitationTokens,
                    t -> s.page("invitation?token=" + t))),
            page("tenant/track.xhtml", Area.CAPABILITY, s -> each(s.secrets().trackingTokens,
                    t -> s.page("track/" + t))),
            page("tenant/survey.xhtml", Area.CAPABILITY, s -> each(s.secrets().surveyTokens,
                    t -> s.page("survey/" + t))),
            page("tenant/campaign.xhtml", Area.CAPABILITY, s -> each(s.secrets().campaignKeys,
                    k -> s.page("survey/campaign/" + k))),
            page("tenant/my/cases.xhtml", Area.RESIDENT, s -> List.of(s.page("my/cases"))),
            page("tenant/staff/index.xhtml", Area.STAFF, s -> List.of(s.page("staff/"))),
            page("tenant/staff/case.xhtml", Area.STAFF, s -> each(s.ids().numbers, n -> s.page("staff/cases/" + n))),
            page("tenant/staff/form.xhtml", Area.STAFF, s -> Stream.concat(Stream.of(s.page("staff/form")),
                    s.ids().numbers.stream().map(n -> s.page("staff/cases/" + n + "/form"))).toList()),
            page("tenant/staff/sheet.xhtml", Area.STAFF, s -> each(s.ids().numbers,
                    n -> s.page("staff/cases/" + n + "/sheet"))),
            page("tenant/staff/callbacks.xhtml", Area.STAFF, s -> List.of(s.page("staff/callbacks"))),
            page("tenant/staff/callback.xhtml", Area.STAFF, s -> each(s.ids().callbacks.keySet(),
                    id -> s.page("staff/callbacks/" + id))),
            page("tenant/staff/customers.xhtml", Area.STAFF, s -> List.of(s.page("staff/customers"))),
            page("tenant/staff/customer.xhtml", Area.STAFF, s -> each(s.ids().customers.keySet(),
                    key -> s.page("staff/customer?key=" + key))),
            page("tenant/staff/grants.xhtml", Area.STAFF, s -> List.of(s.page("staff/grants"))),
            page("tenant/staff/readlog.xhtml", Area.STAFF, s -> List.of(s.page("staff/readlog"))),
            page("tenant/staff/surveys.xhtml", Area.STAFF, s -> List.of(s.page("staff/surveys"))),
            page("tenant/staff/reports.xhtml", Area.STAFF, s -> List.of(s.page("staff/reports"),
                    s.page("staff/reports?month=" + Recipes.REPORT_MONTH))),
            page("tenant/staff/quarterly.xhtml", Area.STAFF, s -> List.of(s.page("staff/quarterly"),
                    s.page("staff/quarterly?q=" + Recipes.QUARTER))),
            page("tenant/staff/dashboard.xhtml", Area.STAFF, s -> List.of(s.page("staff/dashboard"),
                    s.page("staff/dashboard?period=2026-Q1"))),
            page("tenant/staff/handover.xhtml", Area.STAFF, s -> Stream.concat(Stream.of(s.page("staff/handover")),
                    s.ids().handovers.stream().map(r -> s.page("staff/handover?ref=" + r))).toList()),
            page("tenant/staff/handovers.xhtml", Area.STAFF, s -> List.of(s.page("staff/handovers"))),
            page("platform/index.xhtml", Area.PLATFORM, s -> List.of("/platform/")),
            page("platform/audit.xhtml", Area.PLATFORM, s -> List.of("/platform/audit.xhtml")));

    private PageAreas() {
    }

    /** The pages of the war, each with its area; fails on a view nobody told this class about. */
    static List<Page> of(File war) {
        List<Page> pages = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String view : views(war)) {
            Page known = KNOWN.get(view);
            if (known != null) {
                pages.add(known);
            } else if (view.startsWith("tenant/admin/") && view.indexOf('/', "tenant/admin/".length()) < 0) {
                String name = view.substring("tenant/admin/".length(), view.length() - ".xhtml".length());
                pages.add(new Page(view, Area.ADMIN, s -> List.of(s.page("admin/" + (name.equals("index") ? ""
                        : name)))));
            } else {
                unknown.add(view);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AssertionError("Pages the isolation matrix does not know how to open (add them to "
                    + "PageAreas): " + unknown);
        }
        return pages;
    }

    /** The views of the war: its own outside WEB-INF, and those its jars serve from META-INF/resources. */
    static List<String> views(File war) {
        TreeSet<String> views = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war)) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".xhtml") && !name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")) {
                    views.add(name);
                } else if (name.startsWith("WEB-INF/lib/kefu-") && name.endsWith(".jar")) {
                    try (InputStream jar = zip.getInputStream(entry); ZipInputStream inner = new ZipInputStream(jar)) {
                        for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                            String path = e.getName();
                            if (path.startsWith("META-INF/resources/") && path.endsWith(".xhtml")
                                    && !path.startsWith("META-INF/resources/WEB-INF/")) {
                                views.add(path.substring("META-INF/resources/".length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(views);
    }

    private static Map.Entry<String, Page> page(String view, Area area, Function<Side, List<String>> addresses) {
        return Map.entry(view, new Page(view, area, addresses));
    }

    private static <T> List<String> each(Iterable<T> values, Function<T, String> address) {
        List<String> addresses = new ArrayList<>();
        values.forEach(v -> addresses.add(address.apply(v)));
        return addresses;
    }
}
