corpus/125-thankyou-spelling-typo-hr.txt:3:92: error: 'seperate' looks misspelt; did you mean 'separate'? (suggestion: 'separate') [FollowUp.Spelling]
corpus/125-thankyou-spelling-typo-hr.txt:3:141: error: 'accomodate' looks misspelt; did you mean 'accommodate'? (suggestion: 'accommodate') [FollowUp.Spelling]
# exit 1
