package io.kefu.portal.assets;

import jakarta.faces.FacesException;
import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives the addresses of the portal's own resources (library {@value #LIBRARY}) a {@code v=} parameter made from
 * their content, as PrimeFaces does for its files with its version: {@code kefu.css.xhtml?ln=kefu&v=3f9a…}.
 * Faces ignores the parameter when it serves the file; it only makes a changed file a new address, so browsers
 * and proxies can keep every version for a year. The digest is taken once per file and node (files in a deployed
 * war do not change).
 */
public class VersionedResources extends ResourceHandlerWrapper {

    static final String LIBRARY = "kefu";

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        Resource resource = super.createResource(resourceName, libraryName);
        return resource != null && LIBRARY.equals(libraryName) ? new Versioned(resource) : resource;
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        Resource resource = super.createResource(resourceName, libraryName, contentType);
        return resource != null && LIBRARY.equals(libraryName) ? new Versioned(resource) : resource;
    }

    private String version(Resource resource) {
        return versions.computeIfAbsent(resource.getResourceName(), name -> digest(resource));
    }

    static String digest(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(in.readAllBytes()), 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new FacesException("cannot read resource " + resource.getResourceName(), e);
        }
    }

    private final class Versioned extends ResourceWrapper {

        Versioned(Resource wrapped) {
            super(wrapped);
        }

        @Override
        public String getRequestPath() {
            String path = super.getRequestPath();
            return path + (path.contains("?") ? "&" : "?") + "v=" + version(getWrapped());
        }
    }
}
