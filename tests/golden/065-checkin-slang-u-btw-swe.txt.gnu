corpus/065-checkin-slang-u-btw-swe.txt:3:49: warning: Texting shorthand: write it out ('you') or leave it out; 'u' reads like a text message, not a note to an employer. (suggestion: 'you') [FollowUp.Slang]
corpus/065-checkin-slang-u-btw-swe.txt:3:110: warning: Texting shorthand: write it out ('by the way') or leave it out; 'Btw' reads like a text message, not a note to an employer. (suggestion: 'by the way') [FollowUp.Slang]
corpus/065-checkin-slang-u-btw-swe.txt:3:110: error: 'Btw' looks misspelt; did you mean 'BTW'? (suggestions: 'BTW', 'Bt', 'Bow', 'Btu', 'Btl') [FollowUp.Spelling]
corpus/065-checkin-slang-u-btw-swe.txt:5:1: warning: Texting shorthand: write it out ('please') or leave it out; 'Pls' reads like a text message, not a note to an employer. (suggestion: 'please') [FollowUp.Slang]
corpus/065-checkin-slang-u-btw-swe.txt:5:1: error: 'Pls' looks misspelt; did you mean 'Plus'? (suggestions: 'Plus', 'Pals', 'Pols', 'Puls', 'Ls') [FollowUp.Spelling]
# exit 1
