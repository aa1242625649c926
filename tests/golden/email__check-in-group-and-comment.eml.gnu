corpus/email/check-in-group-and-comment.eml:10:1: warning: The note does not thank the reader: add a sentence that thanks them for their time or for something specific ("Thank you for walking me through the new intake process"). [FollowUp.Gratitude]
corpus/email/check-in-group-and-comment.eml:10:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
# exit 0
