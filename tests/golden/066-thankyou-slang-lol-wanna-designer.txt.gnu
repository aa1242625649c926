corpus/066-thankyou-slang-lol-wanna-designer.txt:3:45: warning: Texting shorthand: write it out ('want to') or leave it out; 'wanna' reads like a text message, not a note to an employer. (suggestion: 'want to') [FollowUp.Slang]
corpus/066-thankyou-slang-lol-wanna-designer.txt:3:131: warning: Texting shorthand: write it out ('') or leave it out; 'lol' reads like a text message, not a note to an employer. [FollowUp.Slang]
corpus/066-thankyou-slang-lol-wanna-designer.txt:3:131: error: 'lol' looks misspelt; did you mean 'loll'? (suggestions: 'loll', 'lot', 'll', 'low', 'lo') [FollowUp.Spelling]
# exit 1
