corpus/146-checkin-nogratitude-request.txt:3:1: warning: The note does not thank the reader: add a sentence that thanks them for their time or for something specific ("Thank you for walking me through the new intake process"). [FollowUp.Gratitude]
# exit 0
