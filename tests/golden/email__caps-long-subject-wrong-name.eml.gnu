corpus/email/caps-long-subject-wrong-name.eml:3:10: note: The subject is long (84 characters, 13 words) and will be cut off in the inbox; keep it under 60 characters, e.g. "Thank you - data analyst interview". [FollowUp.Subject]
corpus/email/caps-long-subject-wrong-name.eml:3:10: note: The subject is written in capitals, which reads as shouting; use sentence case ("Thank you for the interview"). [FollowUp.Subject]
corpus/email/caps-long-subject-wrong-name.eml:7:4: error: The greeting addresses 'Sarah', but the message goes to Priya Raman; check the name and the recipient before you send. [FollowUp.GreetingName]
corpus/email/caps-long-subject-wrong-name.eml:9:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
corpus/email/caps-long-subject-wrong-name.eml:9:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
corpus/email/caps-long-subject-wrong-name.eml:9:76: warning: '!!!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 1
