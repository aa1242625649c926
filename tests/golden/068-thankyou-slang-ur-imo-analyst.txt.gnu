corpus/068-thankyou-slang-ur-imo-analyst.txt:3:45: warning: Texting shorthand: write it out ('your') or leave it out; 'ur' reads like a text message, not a note to an employer. (suggestion: 'your') [FollowUp.Slang]
corpus/068-thankyou-slang-ur-imo-analyst.txt:3:45: error: 'ur' looks misspelt; did you mean 'our'? (suggestions: 'our', 'or', 'fur', 'up', 'us') [FollowUp.Spelling]
corpus/068-thankyou-slang-ur-imo-analyst.txt:3:85: warning: Texting shorthand: write it out ('in my opinion') or leave it out; 'imo' reads like a text message, not a note to an employer. (suggestion: 'in my opinion') [FollowUp.Slang]
corpus/068-thankyou-slang-ur-imo-analyst.txt:3:85: error: 'imo' looks misspelt; did you mean 'mo'? (suggestions: 'mo', 'IMO', 'limo', 'emo', 'imp') [FollowUp.Spelling]
# exit 1
