corpus/email/check-in-no-display-name.eml:10:1: warning: The note shows no interest in the role: add a sentence that says what excites you about the job or the team ("I am excited about building the new onboarding program with you"). [FollowUp.Enthusiasm]
corpus/email/check-in-no-display-name.eml:10:1: note: The note has no closing with your name: end with a sign-off and your full name, e.g. 'Best regards,' and 'Alex Chen' on the next line. [FollowUp.SignOff]
corpus/email/check-in-no-display-name.eml:10:17: warning: '!!!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
corpus/email/check-in-no-display-name.eml:10:49: error: 'havent' looks misspelt; did you mean 'haven't'? (suggestions: 'haven't', 'haven', 'havens') [FollowUp.Spelling]
corpus/email/check-in-no-display-name.eml:12:1: warning: Texting shorthand: write it out ('thanks') or leave it out; 'thx' reads like a text message, not a note to an employer. (suggestion: 'thanks') [FollowUp.Slang]
corpus/email/check-in-no-display-name.eml:12:1: error: 'thx' looks misspelt; did you mean 'the'? (suggestions: 'the', 'tax', 'thy', 'tho', 'tux') [FollowUp.Spelling]
# exit 1
