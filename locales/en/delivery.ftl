# A question that may not have reached the user, asked again.
reply-confirmation-again = Sorry, our last message seems not to have reached you. We did receive what you sent:
reply-question-again = Sorry, our last message may not have reached you. Here is the question again:
