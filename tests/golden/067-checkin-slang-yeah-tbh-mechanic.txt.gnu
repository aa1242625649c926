corpus/067-checkin-slang-yeah-tbh-mechanic.txt:3:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
corpus/067-checkin-slang-yeah-tbh-mechanic.txt:3:1: warning: Texting shorthand: write it out ('yes') or leave it out; 'Yeah' reads like a text message, not a note to an employer. (suggestion: 'yes') [FollowUp.Slang]
corpus/067-checkin-slang-yeah-tbh-mechanic.txt:3:53: warning: Texting shorthand: write it out ('to be honest') or leave it out; 'Tbh' reads like a text message, not a note to an employer. (suggestion: 'to be honest') [FollowUp.Slang]
corpus/067-checkin-slang-yeah-tbh-mechanic.txt:3:53: error: 'Tbh' looks misspelt; did you mean 'Tb'? (suggestions: 'Tb', 'Th', 'Tbs', 'BHT', 'Tb h') [FollowUp.Spelling]
# exit 1
