corpus/email/no-subject-faulty.eml:7:1: warning: The note neither asks about next steps nor offers anything more: end with a question about the timeline ("Is there an update on the timeline?") or an offer ("I am happy to send references or work samples"). [FollowUp.NextSteps]
corpus/email/no-subject-faulty.eml:7:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
corpus/email/no-subject-faulty.eml:7:1: error: The message has no subject; add a short one that says what it is, e.g. 'Thank you - data analyst interview'. [FollowUp.Subject]
corpus/email/no-subject-faulty.eml:7:8: error: 'alot' looks misspelt; did you mean 'lot'? (suggestions: 'lot', 'allot', 'plot', 'alto', 'slot') [FollowUp.Spelling]
corpus/email/no-subject-faulty.eml:7:84: error: 'foward' looks misspelt; did you mean 'forward'? (suggestions: 'forward', 'toward', 'froward', 'coward') [FollowUp.Spelling]
corpus/email/no-subject-faulty.eml:7:115: warning: '!!!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 1
