package com.careregistry.core.common;

import java.lang.reflect.Method;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Every {@code @Transactional} method, ours and the repositories', names the one transaction
 * manager there is. Spring (since 6.2) looks for a {@code @Qualifier} on the target class on every
 * call of a method whose {@code @Transactional} names none, an annotation scan each time: 5% of the
 * inbox's CPU in JFR, for the dozen such calls each customer message makes (docs/benchmarks.md,
 * stop 25). With a qualifier it takes the manager from its cache. The qualifier is set once on each
 * method's attribute, which the attribute source keeps for the method.
 */
@Configuration(proxyBeanMethods = false)
public class QualifiedTransactions {

    /** Spring Boot's JPA transaction manager. */
    static final String MANAGER = "transactionManager";

    /** The repositories' interceptors, made by their factories (one per repository). */
    @Bean
    static BeanPostProcessor repositoryTransactionsNameTheirManager() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> repositories) {
                    repositories.addRepositoryFactoryCustomizer(factory -> factory.addRepositoryProxyPostProcessor((proxy, information) -> {
                        for (Advisor advisor : proxy.getAdvisors()) {
                            if (advisor.getAdvice() instanceof TransactionInterceptor interceptor) {
                                qualify(interceptor);
                            }
                        }
                    }));
                }
                return bean;
            }
        };
    }

    /**
     * The interceptor of our {@code @Transactional} beans: an infrastructure bean, made before the
     * post-processors are, so it is qualified once every singleton is there (and before any worker starts).
     */
    @Bean
    static SmartInitializingSingleton serviceTransactionsNameTheirManager(ObjectProvider<TransactionInterceptor> interceptors) {
        return () -> interceptors.forEach(QualifiedTransactions::qualify);
    }

    static void qualify(TransactionInterceptor interceptor) {
        TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
        if (source == null || source instanceof Qualifying) {
            return;
        }
        interceptor.setTransactionAttributeSource(new Qualifying(source));
    }

    private record Qualifying(TransactionAttributeSource source) implements TransactionAttributeSource {

        @Override
        public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
            TransactionAttribute attribute = source.getTransactionAttribute(method, targetClass);
            if (attribute instanceof DefaultTransactionAttribute named && !StringUtils.hasText(named.getQualifier())) {
                named.setQualifier(MANAGER);
            }
            return attribute;
        }

        @Override
        public boolean isCandidateClass(Class<?> targetClass) {
            return source.isCandidateClass(targetClass);
        }

        @Override
        public boolean hasTransactionAttribute(Method method, Class<?> targetClass) {
            return source.hasTransactionAttribute(method, targetClass);
        }
    }
}
