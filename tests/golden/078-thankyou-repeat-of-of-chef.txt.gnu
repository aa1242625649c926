corpus/078-thankyou-repeat-of-of-chef.txt:3:51: error: 'of' is written twice in a row; delete one. [FollowUp.RepeatedWord]
# exit 1
