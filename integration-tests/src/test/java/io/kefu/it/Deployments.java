package io.kefu.it;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real war the build produced, deployed at the root context as in production. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive portal(Class<?>... testSupport) {
        File war = new File(System.getProperty("kefu.war", "../portal-web/target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build portal-web first: no " + war.getAbsolutePath());
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
        return testSupport.length == 0 ? archive : archive.addClasses(testSupport);
    }

    /** The jar a test library's class came from, to deploy it with the war for tests that run in the server. */
    public static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
