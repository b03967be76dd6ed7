# A question that may not have reached the user, asked again.
reply-question-again = Sorry, our last message may not have reached you. Here is the question again:
