corpus/092-nudge-signoff-nameonly.txt:3:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
# exit 0
