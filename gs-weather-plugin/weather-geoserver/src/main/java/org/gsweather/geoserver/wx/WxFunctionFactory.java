package org.gsweather.geoserver.wx;

import java.util.ArrayList;
import java.util.List;
import org.geotools.api.feature.type.Name;
import org.geotools.api.filter.capability.FunctionName;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Function;
import org.geotools.api.filter.expression.Literal;
import org.geotools.feature.NameImpl;
import org.geotools.filter.FunctionFactory;
import org.geotools.filter.capability.FunctionNameImpl;

/**
 * Makes the {@code wx:} transformations available to SLD (META-INF/services). They are functions rather
 * than processes so that GeoTools hands them the layer's reader and read parameters: with a weather
 * store they take the native field of the request's time, level and run themselves, never a raster
 * GeoServer has already resampled; WPS is not needed.
 */
public class WxFunctionFactory implements FunctionFactory {

    @Override
    public List<FunctionName> getFunctionNames() {
        List<FunctionName> names = new ArrayList<>();
        for (WxKind k : WxKind.values()) {
            List<String> args = new ArrayList<>(WxKind.GEOMETRY);
            args.addAll(k.keys());
            names.add(new FunctionNameImpl(new NameImpl(WxKind.NAMESPACE, k.localName()), -1, args));
        }
        return names;
    }

    @Override
    public Function function(String name, List<Expression> args, Literal fallback) {
        WxKind kind = WxKind.of(null, name);
        return kind == null ? null : new WxTransformation(kind, args, fallback);
    }

    @Override
    public Function function(Name name, List<Expression> args, Literal fallback) {
        WxKind kind = WxKind.of(name.getNamespaceURI(), name.getLocalPart());
        return kind == null ? null : new WxTransformation(kind, args, fallback);
    }
}
