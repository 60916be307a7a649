package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.config.ConfigException;
import dev.vitals.core.config.VitalsConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IdentityConfigTest {

    @Test
    void signInDefaultsToDevMode() {
        assertEquals(SignInMode.DEV, VitalsConfig.fromEnvironment(Map.of()).identity().mode());
    }

    @Test
    void proxyModeTrustsOnlyTheListedAddresses() {
        IdentitySettings settings = VitalsConfig.fromEnvironment(Map.of("VITALS_AUTH", "proxy",
                "VITALS_PROXY_ADDRESSES", "10.0.0.5, 192.168.0.0/16, ::1")).identity();
        assertTrue(settings.proxy().trusts("10.0.0.5"));
        assertTrue(settings.proxy().trusts("192.168.40.2"));
        assertTrue(settings.proxy().trusts("0:0:0:0:0:0:0:1"));
        assertFalse(settings.proxy().trusts("10.0.0.6"));
        assertFalse(settings.proxy().trusts("192.169.0.1"));
        assertFalse(settings.proxy().trusts("evil.example"));
    }

    @Test
    void trustedProxiesCountInEveryModeAndTheSigningInProxyOnlyInProxyMode() {
        IdentitySettings dev = VitalsConfig.fromEnvironment(Map.of("VITALS_TRUSTED_PROXIES", "10.0.0.0/8",
                "VITALS_PROXY_ADDRESSES", "192.168.1.1")).identity();
        assertTrue(dev.forwarders().trusts("10.2.3.4"));
        assertFalse(dev.forwarders().trusts("192.168.1.1"));
        IdentitySettings proxy = VitalsConfig.fromEnvironment(Map.of("VITALS_AUTH", "proxy",
                "VITALS_PROXY_ADDRESSES", "192.168.1.1")).identity();
        assertTrue(proxy.forwarders().trusts("192.168.1.1"));
        assertFalse(proxy.forwarders().trusts("10.2.3.4"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VITALS_AUTH|ldap|VITALS_AUTH=ldap is not valid: expected dev, oidc or proxy",
        "VITALS_PROXY_ADDRESSES|proxy.internal|VITALS_PROXY_ADDRESSES=proxy.internal is not valid: expected a comma list of IP addresses or CIDR blocks, e.g. 10.0.0.5,10.1.0.0/16",
        "VITALS_TRUSTED_PROXIES|ingress.internal|VITALS_TRUSTED_PROXIES=ingress.internal is not valid: expected a comma list of IP addresses or CIDR blocks, e.g. 10.0.0.5,10.1.0.0/16",
        "VITALS_PROXY_ADDRESSES|10.0.0.0/33|VITALS_PROXY_ADDRESSES=10.0.0.0/33 is not valid: expected a comma list of IP addresses or CIDR blocks, e.g. 10.0.0.5,10.1.0.0/16",
        "VITALS_PUBLIC_URL|vitals.example.com|VITALS_PUBLIC_URL=vitals.example.com is not valid: expected an http(s) URL such as https://vitals.example.com",
        "VITALS_SESSION_HOURS|0|VITALS_SESSION_HOURS=0 is not valid: expected a whole number from 1 to 720",
    })
    void aMalformedValueStopsStartUpNamingTheVariable(String variable, String value, String message) {
        assertEquals(message, assertThrows(ConfigException.class,
                () -> VitalsConfig.fromEnvironment(Map.of(variable, value))).getMessage());
    }

    @Test
    void proxyModeWithoutProxyAddressesStopsStartUp() {
        assertTrue(assertThrows(ConfigException.class, () -> VitalsConfig.fromEnvironment(Map.of("VITALS_AUTH", "proxy")))
                .getMessage().contains("VITALS_PROXY_ADDRESSES"));
    }

    @Test
    void oidcModeNeedsIssuerClientIdAndSecret() {
        assertTrue(assertThrows(ConfigException.class, () -> VitalsConfig.fromEnvironment(Map.of("VITALS_AUTH", "oidc",
                "VITALS_OIDC_ISSUER", "https://login.example.com"))).getMessage().contains("VITALS_OIDC_CLIENT_ID"));
        IdentitySettings settings = VitalsConfig.fromEnvironment(Map.of("VITALS_AUTH", "oidc",
                "VITALS_OIDC_ISSUER", "https://login.example.com", "VITALS_OIDC_CLIENT_ID", "vitals",
                "VITALS_OIDC_CLIENT_SECRET", "s3cret")).identity();
        assertEquals("groups", settings.oidc().orElseThrow().groupsClaim());
        assertFalse(settings.oidc().orElseThrow().toString().contains("s3cret"), "the secret never reaches a log");
    }
}
