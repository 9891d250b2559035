package dev.influence4j.autoconfigure.delivery;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements executed through a data source, per thread: wraps every connection so that each
 * {@code execute*} call of its statements is recorded with its SQL under the executing thread.
 */
final class StatementCounter {

	private final Map<Thread, List<String>> executed = new ConcurrentHashMap<>();

	/**
	 * Wrap a data source so that its statements are counted.
	 * @param dataSource the data source
	 * @return the counting data source
	 */
	DataSource wrap(DataSource dataSource) {
		return new DelegatingDataSource(dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				return connection(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return connection(super.getConnection(username, password));
			}

		};
	}

	/**
	 * The statements executed on a thread since the last {@link #reset(Thread)}.
	 * @param thread the thread
	 * @return the SQL of each execution, in order
	 */
	List<String> executedOn(Thread thread) {
		return new ArrayList<>(this.executed.getOrDefault(thread, List.of()));
	}

	void reset(Thread thread) {
		this.executed.remove(thread);
	}

	private Connection connection(Connection target) {
		return proxy(Connection.class, target, (method, args, result) -> {
			if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
				return statement(statement, (String) args[0]);
			}
			if (result instanceof Statement statement) {
				return statement(statement, null);
			}
			return result;
		});
	}

	private Statement statement(Statement target, String preparedSql) {
		Class<? extends Statement> type = (target instanceof CallableStatement) ? CallableStatement.class
				: (target instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
		return proxy(type, target, (method, args, result) -> result, (method, args) -> {
			if (method.getName().startsWith("execute")) {
				String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : preparedSql;
				this.executed.computeIfAbsent(Thread.currentThread(), (thread) -> new CopyOnWriteArrayList<>())
					.add(String.valueOf(sql));
			}
		});
	}

	private static <T> T proxy(Class<T> type, Object target, ResultMapper mapper) {
		return proxy(type, target, mapper, (method, args) -> {
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, ResultMapper mapper, BeforeCall before) {
		InvocationHandler handler = (proxy, method, args) -> {
			before.call(method, args);
			try {
				return mapper.map(method, args, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	@FunctionalInterface
	private interface ResultMapper {

		Object map(Method method, Object[] args, Object result);

	}

	@FunctionalInterface
	private interface BeforeCall {

		void call(Method method, Object[] args);

	}

}
