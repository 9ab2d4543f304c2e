package org.hostedsmime.webadmin;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.hostedsmime.core.hosting.SmimeSettingsService;
import org.hostedsmime.core.hosting.SmimeSettingsService.SettingsChange;
import org.hostedsmime.core.store.SmimeSettings.MissingKeyPolicy;
import org.hostedsmime.webadmin.dto.SettingsDto;

import spark.Service;

/**
 * A user's S/MIME switches.
 * <ul>
 *     <li>{@code GET /smime/users/{user}/settings} → {@code {"sign", "encrypt", "missingKeyPolicy"}}</li>
 *     <li>{@code PUT /smime/users/{user}/settings} with any of those fields → 200 with the settings now in force.
 *     400 {@code encryption-requires-signature} for encrypt without sign; 409 {@code no-certificate} when turning
 *     signing on without a valid default certificate; 409 {@code smime-disabled} when the domain has S/MIME off.</li>
 * </ul>
 */
public class SmimeSettingsRoutes implements Routes {
    public static final String BASE_PATH = "/smime/users/:user/settings";

    private final SmimeSettingsService settings;
    private final JsonTransformer jsonTransformer;

    @Inject
    public SmimeSettingsRoutes(SmimeSettingsService settings, JsonTransformer jsonTransformer) {
        this.settings = settings;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        SmimeProblemResponses.register(service);

        service.get(BASE_PATH, (request, response) -> SettingsDto.of(settings.get(PathParameters.user(request))), jsonTransformer);

        service.put(BASE_PATH, (request, response) -> {
            SettingsDto body = RequestBodies.json(request, SettingsDto.class);
            Optional<MissingKeyPolicy> policy = Optional.ofNullable(body.missingKeyPolicy())
                .map(value -> MissingKeyPolicy.parse(value).orElseThrow(() ->
                    RequestBodies.invalid("'missingKeyPolicy' is one of bounce, sign-only, split")));
            SettingsChange change = new SettingsChange(Optional.ofNullable(body.sign()), Optional.ofNullable(body.encrypt()), policy);
            return SettingsDto.of(settings.update(PathParameters.user(request), change));
        }, jsonTransformer);
    }
}
