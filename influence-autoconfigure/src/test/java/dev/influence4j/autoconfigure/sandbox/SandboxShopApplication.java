package dev.influence4j.autoconfigure.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop's application class, with nothing of influence4j configured: the tests beside it add the sandbox.
 */
@SpringBootApplication
class SandboxShopApplication {

}
