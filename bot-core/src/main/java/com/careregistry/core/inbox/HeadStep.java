package com.careregistry.core.inbox;

/** What became of a chat's head (its oldest pending event) when a worker looked at it. */
enum HeadStep {
    /** handled (or refused and answered, or set aside as failed): look at the next one */
    DONE,
    /** failed and will be tried again later: the chat waits */
    LATER,
    /** nothing due in this chat, or another worker holds it */
    IDLE,
    /** the database cannot be reached: wait before working on */
    UNREACHABLE
}
