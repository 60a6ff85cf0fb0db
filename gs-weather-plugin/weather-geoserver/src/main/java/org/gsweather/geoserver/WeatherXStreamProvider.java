package org.gsweather.geoserver;

import com.thoughtworks.xstream.XStream;
import org.geowebcache.config.Info;
import org.geowebcache.config.XMLConfigurationProvider;

/** Teaches GWC's XStream (geowebcache.xml, GWC REST, GeoServer's tile layer files) the weather dimension filter. */
public class WeatherXStreamProvider implements XMLConfigurationProvider {
    @Override
    public XStream getConfiguredXStream(XStream xs) {
        xs.allowTypes(new Class<?>[] {WeatherDimensionParameterFilter.class});
        xs.alias("weatherDimensionParameterFilter", WeatherDimensionParameterFilter.class);
        return xs;
    }

    @Override
    public boolean canSave(Info info) {
        return false;
    }
}
