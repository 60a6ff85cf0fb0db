package org.gsweather.gwc;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.basic.StringConverter;
import org.geowebcache.config.Info;
import org.geowebcache.config.XMLConfigurationProvider;

/**
 * Teaches GWC's XStream configuration (geowebcache.xml and GWC REST) the {@code RedisBlobStore} element: its alias
 * and passwords that are written encrypted.
 */
public class RedisBlobStoreXStreamProvider implements XMLConfigurationProvider {
    @Override
    public XStream getConfiguredXStream(XStream xs) {
        xs.allowTypes(new Class<?>[] {RedisBlobStoreInfo.class});
        xs.alias("RedisBlobStore", RedisBlobStoreInfo.class);
        for (String secret : RedisBlobStoreInfo.SECRETS) {
            xs.registerLocalConverter(RedisBlobStoreInfo.class, secret, new EncryptedPasswordConverter());
        }
        xs.registerLocalConverter(RedisBlobStoreInfo.class, "url", new UrlConverter());
        return xs;
    }

    @Override
    public boolean canSave(Info info) {
        return info instanceof RedisBlobStoreInfo;
    }

    /** Encrypts a url that holds a password on write; keeps what it reads (decrypted when the store starts). */
    static final class UrlConverter extends StringConverter {
        @Override
        public String toString(Object obj) {
            if (obj == null) {
                return null;
            }
            String url = obj.toString();
            return url.contains("@") ? GeoServerConfigPasswords.encode(url) : url;
        }

        @Override
        public Object fromString(String str) {
            return str;
        }
    }

    /** Encrypts on write; keeps what it reads (decrypted only when the store starts). */
    static final class EncryptedPasswordConverter extends StringConverter {
        @Override
        public String toString(Object obj) {
            return obj == null ? null : GeoServerConfigPasswords.encode(obj.toString());
        }

        @Override
        public Object fromString(String str) {
            return str;
        }
    }
}
