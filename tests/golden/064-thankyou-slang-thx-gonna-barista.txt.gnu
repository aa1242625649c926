corpus/064-thankyou-slang-thx-gonna-barista.txt:3:1: warning: Texting shorthand: write it out ('thanks') or leave it out; 'Thx' reads like a text message, not a note to an employer. (suggestion: 'thanks') [FollowUp.Slang]
corpus/064-thankyou-slang-thx-gonna-barista.txt:3:38: warning: Texting shorthand: write it out ('going to') or leave it out; 'gonna' reads like a text message, not a note to an employer. (suggestion: 'going to') [FollowUp.Slang]
# exit 0
