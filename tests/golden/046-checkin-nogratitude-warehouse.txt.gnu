corpus/046-checkin-nogratitude-warehouse.txt:3:1: warning: The note does not thank the reader: add a sentence that thanks them for their time or for something specific ("Thank you for walking me through the new intake process"). [FollowUp.Gratitude]
corpus/046-checkin-nogratitude-warehouse.txt:3:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
# exit 0
