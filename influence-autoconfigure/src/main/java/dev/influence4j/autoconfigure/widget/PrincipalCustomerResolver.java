package dev.influence4j.autoconfigure.widget;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

import dev.influence4j.digest.CustomerIdentity;

/**
 * The default {@link InfluenceCustomerResolver}: the customer is the authenticated principal, from Spring
 * Security when it is present and from {@link HttpServletRequest#getUserPrincipal()} otherwise. The principal
 * gives its id and email through {@link InfluenceCustomerPrincipal}, or else through public {@code getId()} and
 * {@code getEmail()} methods. A principal that offers neither is no customer: one debug line, no exception.
 */
final class PrincipalCustomerResolver implements InfluenceCustomerResolver {

	private static final Logger logger = LoggerFactory.getLogger(PrincipalCustomerResolver.class);

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			PrincipalCustomerResolver.class.getClassLoader());

	@Override
	public Optional<CustomerIdentity> resolve(HttpServletRequest request) {
		try {
			Object principal = SPRING_SECURITY_PRESENT ? SpringSecurity.principal() : request.getUserPrincipal();
			return (principal != null) ? identity(principal) : Optional.empty();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not tell the customer of this request; rendering the widgets for a guest", ex);
			return Optional.empty();
		}
	}

	private static Optional<CustomerIdentity> identity(Object principal) {
		if (principal instanceof InfluenceCustomerPrincipal customer) {
			String id = customer.influenceCustomerId();
			String email = customer.influenceCustomerEmail();
			if (id == null || id.isBlank() || email == null || email.isBlank()) {
				// The principal chose: staff, say, are no loyalty members.
				logger.debug("The InfluenceCustomerPrincipal of type {} gives no customer id or email: it is no "
						+ "customer, so the widgets are rendered for a guest", principal.getClass().getName());
				return Optional.empty();
			}
			return Optional.of(new CustomerIdentity(id, email));
		}
		String id = property(principal, "getId");
		String email = property(principal, "getEmail");
		if (id == null || id.isBlank() || email == null || email.isBlank()) {
			logger.debug("The principal of type {} offers no customer id and email; rendering the widgets for a "
					+ "guest. Implement InfluenceCustomerPrincipal or define an InfluenceCustomerResolver bean.",
					principal.getClass().getName());
			return Optional.empty();
		}
		return Optional.of(new CustomerIdentity(id, email));
	}

	private static @Nullable String property(Object target, String getter) {
		Method method = ClassUtils.getMethodIfAvailable(target.getClass(), getter);
		if (method == null || !Modifier.isPublic(method.getModifiers()) || method.getReturnType() == void.class) {
			return null;
		}
		try {
			// A public method of a non-public class (a lambda or an inner class) needs the access check lifted.
			method.trySetAccessible();
			Object value = method.invoke(target);
			return (value != null) ? value.toString() : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not call {} on the principal", getter, ex);
			return null;
		}
	}

	/** Kept apart so that nothing of Spring Security is loaded when it is absent. */
	private static final class SpringSecurity {

		private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

		static @Nullable Object principal() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !authentication.isAuthenticated() || trustResolver.isAnonymous(authentication)) {
				return null;
			}
			return authentication.getPrincipal();
		}

	}

}
