package com.careregistry.core.staff;

import com.careregistry.core.common.Channel;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffThreadRepository extends JpaRepository<StaffThread, Long> {

    Optional<StaffThread> findByTicketIdAndChannel(Long ticketId, Channel channel);

    Optional<StaffThread> findByChannelAndChatIdAndThreadId(Channel channel, String chatId, String threadId);
}
