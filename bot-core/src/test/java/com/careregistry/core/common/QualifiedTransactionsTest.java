package com.careregistry.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.careregistry.core.CoreTest;
import com.careregistry.core.customer.CustomerDirectory;
import com.careregistry.core.ticket.Tickets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/** Our services' and the repositories' transactions name their manager, so Spring does not look for one on every call. */
class QualifiedTransactionsTest extends CoreTest {

    @Autowired
    TransactionInterceptor services;
    @Autowired
    Tickets tickets;

    @Test
    void aServicesAndARepositorysTransactionNameTheManager() throws Exception {
        assertThat(services.getTransactionAttributeSource()
                .getTransactionAttribute(CustomerDirectory.class.getMethod("register", ChatUser.class), CustomerDirectory.class)
                .getQualifier()).isEqualTo(QualifiedTransactions.MANAGER);

        TransactionInterceptor repository = Arrays.stream(((Advised) tickets).getAdvisors()).map(Advisor::getAdvice)
                .filter(TransactionInterceptor.class::isInstance).map(TransactionInterceptor.class::cast).findFirst().orElseThrow();
        assertThat(repository.getTransactionAttributeSource()
                .getTransactionAttribute(CrudRepository.class.getMethod("save", Object.class), SimpleJpaRepository.class)
                .getQualifier()).isEqualTo(QualifiedTransactions.MANAGER);
    }

    @Test
    void theManagerItNamesIsTheOneThatRuns() {
        assertThat(customer("Ann").id()).isNotNull();   // a @Transactional service, a repository's save, committed
        assertThat(customers.find(Channel.TELEGRAM, "tg-Ann")).isPresent();
    }
}
