package org.difflab.plugin.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an object shows in a notebook: its data under MIME types, the JVM counterpart of IPython's
 * {@code _repr_mimebundle_}. {@code text/plain} is always present; images are base64 ({@code image/png}) or
 * markup ({@code image/svg+xml}) strings, as the Jupyter protocol carries them. Kernel adapters copy the entries
 * into their own display types.
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    private final Map<String, String> data;

    private MimeBundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(data);
    }

    /** A bundle with its plain text; add richer types with {@link Builder#with}. */
    public static Builder text(String plain) {
        if (plain == null) {
            throw new IllegalArgumentException("plain = null is not allowed: every bundle has a text/plain entry");
        }
        return new Builder(plain);
    }

    /** The MIME types, text/plain first, then in the order they were added. */
    public Set<String> types() {
        return data.keySet();
    }

    /** The entry for a MIME type, or null. */
    public String get(String mimeType) {
        return data.get(mimeType);
    }

    public boolean has(String mimeType) {
        return data.containsKey(mimeType);
    }

    /** All entries, text/plain first. */
    public Map<String, String> data() {
        return data;
    }

    /** The same bundle with only text/plain and the requested type (when present): a "render as" request. */
    public MimeBundle only(String mimeType) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(TEXT, data.get(TEXT));
        if (data.containsKey(mimeType)) {
            out.put(mimeType, data.get(mimeType));
        }
        return new MimeBundle(out);
    }

    @Override
    public String toString() {
        return data.get(TEXT);
    }

    /** Collects the entries of one bundle. */
    public static final class Builder {
        private final Map<String, String> data = new LinkedHashMap<>();

        private Builder(String plain) {
            data.put(TEXT, plain);
        }

        /** Adds an entry; a later entry of the same type replaces the earlier one. */
        public Builder with(String mimeType, String value) {
            if (mimeType == null || !mimeType.matches("[a-z]+/[a-z0-9.+-]+") || value == null) {
                throw new IllegalArgumentException("mimeType = " + mimeType + " with " + (value == null ? "no value" : "a value")
                        + " is not allowed: give a type/subtype such as text/html and a non-null value");
            }
            data.put(mimeType, value);
            return this;
        }

        public MimeBundle build() {
            return new MimeBundle(new LinkedHashMap<>(data));
        }
    }
}
