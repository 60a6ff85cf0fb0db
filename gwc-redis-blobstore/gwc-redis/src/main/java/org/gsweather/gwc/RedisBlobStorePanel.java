package org.gsweather.gwc;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.FormComponent;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.validation.AbstractFormValidator;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.PropertyModel;
import org.apache.wicket.model.ResourceModel;
import org.geoserver.web.data.store.PasswordTextFieldWriteOnlyModel;
import org.gsweather.redis.InvalidConfigurationException;
import org.gsweather.redis.RedisTileStoreSettings;

/**
 * The Redis part of GeoServer's blob store form. Each field edits one setting of {@link RedisBlobStoreInfo}; on
 * save, the settings are checked together by the tile store's own validation, whose messages say which setting is
 * wrong and what would be right.
 */
public class RedisBlobStorePanel extends Panel {
    private static final long serialVersionUID = 1L;
    private static final List<String> TOPOLOGIES = List.of("STANDALONE", "CLUSTER", "SENTINEL");
    private static final List<String> TEXT_SETTINGS = List.of(
            "url",
            "nodes",
            "sentinelMasterName",
            "user",
            "database",
            "tlsTrustStore",
            "keyPrefix",
            "connectTimeout",
            "readTimeout",
            "poolMaxTotal",
            "poolMinIdle",
            "poolBorrowTimeout",
            "clusterMaxAttempts",
            "shardsPerCache",
            "tileTtl",
            "breakerFailureThreshold",
            "breakerOpenDuration",
            "deleteScanCount",
            "deleteBatchPause",
            "syncRangeDeleteLimit",
            "nearCacheMaxBytes");

    private final Map<String, FormComponent<?>> fields = new LinkedHashMap<>();
    private final IModel<RedisBlobStoreInfo> model;

    public RedisBlobStorePanel(String id, IModel<RedisBlobStoreInfo> model) {
        super(id, model);
        this.model = model;
        add(field("topology", new DropDownChoice<>("topology", TOPOLOGIES).setRequired(true)));
        for (String name : TEXT_SETTINGS) {
            add(field(name, new TextField<String>(name)));
        }
        for (String secret : RedisBlobStoreInfo.SECRETS) {
            add(field(
                    secret,
                    new PasswordTextFieldWriteOnlyModel(secret, new PropertyModel<>(model, secret))
                            .setRequired(false)));
        }
        add(field("tls", new CheckBox("tls")));
    }

    private FormComponent<?> field(String name, FormComponent<?> component) {
        component.add(new AttributeModifier("title", new ResourceModel(name + ".title")));
        fields.put(name, component);
        return component;
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        Form<?> form = findParent(Form.class);
        if (form != null) {
            // the page makes a new panel each time the store type is chosen; keep one validator
            List.copyOf(form.getFormValidators()).stream()
                    .filter(v -> v instanceof SettingsValidator)
                    .forEach(form::remove);
            form.add(new SettingsValidator());
        }
    }

    /** Runs the tile store's validation on the values typed in, before anything is saved. */
    private final class SettingsValidator extends AbstractFormValidator {
        private static final long serialVersionUID = 1L;

        @Override
        public FormComponent<?>[] getDependentFormComponents() {
            return fields.values().toArray(FormComponent<?>[]::new);
        }

        @Override
        public void validate(Form<?> form) {
            Map<String, String> typed = new LinkedHashMap<>();
            Set<String> placeholders = new HashSet<>();
            fields.forEach((name, field) -> {
                Object value = field.getConvertedInput();
                String text = value == null ? null : value.toString();
                // a write-only field sends back the stand-in it rendered when nothing was typed
                boolean untouched =
                        text == null || text.isEmpty() || text.equals(field.getDefaultModelObjectAsString());
                if (RedisBlobStoreInfo.SECRETS.contains(name) && untouched) {
                    text = model.getObject() == null
                            ? null
                            : GeoServerConfigPasswords.decode(
                                    model.getObject().settings().get(name));
                }
                if (name.equals(RedisTileStoreSettings.URL) && text != null) {
                    text = GeoServerConfigPasswords.decode(text); // written encrypted when it holds a password
                }
                // a placeholder is only known once the store starts
                boolean placeholder = text != null && text.contains("${");
                if (placeholder) {
                    placeholders.add(name);
                }
                typed.put(name, placeholder ? placeholderStandIn(name) : text);
            });
            if (placeholders.contains("tlsTrustStore")) {
                // checked with its password when the store starts
                typed.put("tlsTrustStorePassword", null);
            }
            try {
                RedisTileStoreSettings.parse(typed);
            } catch (InvalidConfigurationException e) {
                e.problems().forEach(form::error);
            }
        }

        private String placeholderStandIn(String name) {
            return name.equals("password") || name.equals("user") ? "placeholder" : null;
        }
    }
}
